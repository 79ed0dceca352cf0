package main

import (
	"context"
	"strings"
)

// treeCommit names the measured tree: its HEAD's short commit, with "-dirty" when files
// differ from it (untracked ones count: a new file changes the build). Outside a git
// checkout it is "unknown".
func treeCommit(ctx context.Context, root string) string {
	head, err := runTool(ctx, root, "git", "rev-parse", "--short=7", "HEAD")
	if err != nil {
		return "unknown"
	}
	status, err := runTool(ctx, root, "git", "status", "--porcelain")
	if err != nil {
		return "unknown"
	}
	return describeCommit(string(head), string(status))
}

// describeCommit is the short commit, with "-dirty" when git status listed anything.
func describeCommit(head, porcelain string) string {
	c := strings.TrimSpace(head)
	if strings.TrimSpace(porcelain) != "" {
		c += "-dirty"
	}
	return c
}
