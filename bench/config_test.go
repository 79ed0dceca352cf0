package main

import (
	"io"
	"testing"
	"time"
)

func TestParseFlagsRounds(t *testing.T) {
	cfg, err := parseFlags(nil, io.Discard)
	if err != nil || cfg.Rounds != 3 || cfg.Duration != 10*time.Second {
		t.Errorf("defaults: %d rounds of %s, %v; want 3 rounds of 10s", cfg.Rounds, cfg.Duration, err)
	}
	if cfg, err := parseFlags([]string{"-rounds", "5"}, io.Discard); err != nil || cfg.Rounds != 5 {
		t.Errorf("-rounds 5: %d, %v", cfg.Rounds, err)
	}
	if _, err := parseFlags([]string{"-rounds", "0"}, io.Discard); err == nil {
		t.Error("-rounds 0 gave no error")
	}
}
