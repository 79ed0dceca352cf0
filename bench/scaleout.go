package main

import (
	"context"
	"fmt"
	"strings"
)

// The scale-out scenarios run roneo on PostgreSQL, the set-up in which several
// instances share one database: uncached-pg is uncached on PostgreSQL, for its p99
// beside SQLite's; cached-1x and cached-2x put nginx in front as a reverse proxy, to one
// instance and then to two, and alternate round by round like nginx and cached.

// measureUncachedOnPostgres runs roneo with --page-cache 0 on the side's copied schema.
func (b *bench) measureUncachedOnPostgres(ctx context.Context, sd *side) error {
	srv, err := b.startRoneo(ctx, sd, roneoInstance{label: scenarioUncachedPG, onPostgres: true})
	if err != nil {
		return err
	}
	defer srv.stop()
	if err := b.choosePage(ctx, sd, srv.base); err != nil {
		return err
	}
	s, err := b.roneoSubject(ctx, sd, scenarioUncachedPG, srv)
	if err != nil {
		return err
	}
	if err := b.runRounds(ctx, s); err != nil {
		return err
	}
	return b.recordMemory(sd, scenarioUncachedPG, srv)
}

// measureScaleOut starts one or two instances with their page cache on the schema,
// checks that each serves the page, puts nginx in front and measures through it.
func (b *bench) measureScaleOut(ctx context.Context, sd *side) error {
	instances, err := b.startInstances(ctx, sd)
	if err != nil {
		return err
	}
	defer func() {
		for _, srv := range instances {
			srv.stop()
		}
	}()
	if err := b.choosePage(ctx, sd, instances[0].base); err != nil {
		return err
	}
	for i, srv := range instances {
		if _, err := b.roneoSubject(ctx, sd, fmt.Sprintf("instance %d", i+1), srv); err != nil {
			return err
		}
	}
	subjects, proxy, err := b.proxySubjects(ctx, sd, instances)
	if err != nil {
		return err
	}
	defer proxy.stop()
	if err := b.runRounds(ctx, subjects...); err != nil {
		return err
	}
	for i, srv := range instances {
		if err := b.recordMemory(sd, fmt.Sprintf("%s, instance %d", strings.Join(b.proxiedScenarios(), "/"), i+1), srv); err != nil {
			return err
		}
	}
	return nil
}

// proxiedScenarios are the selected scenarios behind nginx, in the order they alternate.
func (b *bench) proxiedScenarios() []string {
	var names []string
	for _, name := range []string{scenarioCached1x, scenarioCached2x} {
		if b.cfg.wants(name) {
			names = append(names, name)
		}
	}
	return names
}

// startInstances starts the first instance on the benchmark's port and, for
// cached-2x, a second one on another.
func (b *bench) startInstances(ctx context.Context, sd *side) ([]*roneoServer, error) {
	n := 1
	if b.cfg.wants(scenarioCached2x) {
		n = 2
	}
	var instances []*roneoServer
	for i := range n {
		in := roneoInstance{label: fmt.Sprintf("pg-instance-%d", i+1), pageCache: true, onPostgres: true}
		if i > 0 {
			var err error
			if in.port, err = freePort(); err != nil {
				return instances, err
			}
		}
		srv, err := b.startRoneo(ctx, sd, in)
		if err != nil {
			return instances, err
		}
		instances = append(instances, srv)
	}
	return instances, nil
}

// proxySubjects starts nginx with one port per selected scenario: cached-1x proxies
// to the first instance, cached-2x to both.
func (b *bench) proxySubjects(ctx context.Context, sd *side, instances []*roneoServer) ([]subject, *child, error) {
	var ups []upstream
	for _, name := range b.proxiedScenarios() {
		n := 1
		if name == scenarioCached2x {
			n = 2
		}
		up := upstream{Name: strings.ReplaceAll(name, "-", "_")}
		for _, srv := range instances[:n] {
			up.Servers = append(up.Servers, strings.TrimPrefix(srv.base, "http://"))
			up.behind = append(up.behind, srv.child)
		}
		ups = append(ups, up)
	}
	proxy, err := b.startProxy(ctx, b.ws.path(sd.name("proxy")), ups)
	if err != nil {
		return nil, nil, err
	}
	var subjects []subject
	for i, name := range b.proxiedScenarios() {
		url := "http://" + ups[i].Listen + sd.page.Path
		body, err := fetch(ctx, b.http, url)
		if err != nil {
			return nil, proxy, err
		}
		identical, err := samePage("nginx in front of roneo ("+sd.name(name)+")", body, *sd.page)
		if err != nil {
			return nil, proxy, err
		}
		subjects = append(subjects, subject{scenario: name, side: sd, url: url, identical: identical, server: proxy, behind: ups[i].behind, onPostgres: true})
	}
	return subjects, proxy, nil
}

// unevenSplit reports whether an instance behind the proxy did much less than its
// share: under a quarter of the instances' mean CPU, or none of them any.
func unevenSplit(cores []float64) bool {
	var sum float64
	for _, c := range cores {
		sum += c
	}
	if sum <= 0 {
		return true
	}
	mean := sum / float64(len(cores))
	for _, c := range cores {
		if c < mean/4 {
			return true
		}
	}
	return false
}

// instanceSplit writes each instance's cores: "0.61 + 0.58".
func instanceSplit(cores []float64) string {
	parts := make([]string, len(cores))
	for i, c := range cores {
		parts[i] = fmt.Sprintf("%.2f", c)
	}
	return strings.Join(parts, " + ")
}
