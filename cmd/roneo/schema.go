package main

import (
	"fmt"
	"log/slog"

	"github.com/roneo/roneo/internal/store"
)

// allowNewerSchemaUsage explains --allow-newer-schema wherever a command takes it.
const allowNewerSchemaUsage = "use a database (or backup) whose schema is newer than this version of Roneo knows " +
	"even where the newer version did not mark it safe for older ones: write to it, back it up or restore it, " +
	"leaving out what this version does not know"

// newerSchemaHint is what a refused write tells the operator to do.
const newerSchemaHint = "run the newer version of Roneo, or this one with --allow-newer-schema if the newer version's release notes say it may"

// logSchema says at start-up that the database is newer than this program, with both
// versions and whether this instance writes.
func logSchema(log *slog.Logger, s store.SchemaStatus) {
	if !s.Newer() {
		return
	}
	writes := "refused: this instance serves readers and refuses every write (" + newerSchemaHint + ")"
	switch {
	case s.NewerSafe:
		writes = "allowed: the newer migrations are marked safe for older versions"
	case !s.WritesRefused:
		writes = "allowed by --allow-newer-schema"
	}
	log.Warn(fmt.Sprintf("the database schema is at migration %d, newer than this version of Roneo knows (%d)", s.Current, s.Known),
		"schema", s.Current, "known", s.Known, "writes", writes)
}

// refuseNewer refuses to copy, back up or restore a database whose schema is newer than
// this program's, unless allowed: this version reads only the tables and columns it
// knows, so the copy would silently leave out what the newer one added. Marked safe or
// not makes no difference here: that marking is about writing, not about copying all.
func refuseNewer(what string, s store.SchemaStatus, allowed bool) error {
	if !s.Newer() || allowed {
		return nil
	}
	return fmt.Errorf("%s is at migration %d, newer than this version of Roneo knows (%d): this version would leave out what the newer one added; use the newer version, or give --allow-newer-schema to go on with what this version knows",
		what, s.Current, s.Known)
}
