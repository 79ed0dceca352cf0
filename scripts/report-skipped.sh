#!/usr/bin/env bash
# Prints, at the end of `make test`, every test that was skipped because something it
# needs is missing here (testkit.Missing and testkit.Optional record them in the file
# given as $1), so that a skip is never silent. Always exits 0: go test's status is the
# test run's.
file=${1:?usage: report-skipped.sh FILE}
[ -s "$file" ] || exit 0
n=$(sort -u "$file" | wc -l)
{
  echo
  echo "################################################################################"
  echo "# SKIPPED: $n test(s) did not run on this machine, for want of what they need:"
  sort -u "$file" | sed 's/^/#   /'
  echo "# In CI (CI=true) each of these fails, except those marked (optional)."
  echo "################################################################################"
} >&2
