package main

import (
	"bytes"
	"context"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"strings"
	"text/template"
	"time"
)

// nginxConf serves the document root as plain files, the fastest way nginx can: no
// access log, sendfile, and connections kept open as long as wrk's, as Go's server
// does, so that the ceiling pays no reconnection that roneo does not. Files have no
// extension; they are served as text/html; charset=utf-8, as roneo serves pages, and
// files under /media/ by their type, as roneo serves photos.
var nginxConf = template.Must(template.New("nginx.conf").Parse(`daemon off;
master_process on;
worker_processes 2;
pid "{{.Dir}}/nginx.pid";
error_log "{{.Dir}}/error.log" warn;
events {
	worker_connections 1024;
}
http {
	access_log off;
	sendfile on;
	tcp_nopush on;
	keepalive_requests 10000000;
	keepalive_timeout 120s;
	types {}
	default_type text/html;
	charset utf-8;
	client_body_temp_path "{{.Dir}}/temp/body";
	proxy_temp_path "{{.Dir}}/temp/proxy";
	fastcgi_temp_path "{{.Dir}}/temp/fastcgi";
	uwsgi_temp_path "{{.Dir}}/temp/uwsgi";
	scgi_temp_path "{{.Dir}}/temp/scgi";
	server {
		listen {{.Addr}};
		root "{{.Dir}}/root";
		location / {
			try_files $uri =404;
		}
		# A photo, served as roneo serves its media: by type, cached for ever.
		location /media/ {
			types {
				image/jpeg jpg;
				image/webp webp;
			}
			charset off;
			add_header Cache-Control "public, max-age=31536000, immutable";
			try_files $uri =404;
		}
	}
}
`))

// nginxSubject serves the tree's reference page from nginx, the ceiling, and checks
// that it sends the same bytes; the caller stops the server (stopAll does on an error).
func (b *bench) nginxSubject(ctx context.Context) (subject, error) {
	ng, addr, err := b.startNginx(ctx, scenarioNginx, *b.tree.page)
	if err != nil {
		return subject{}, err
	}
	pageURL := "http://" + addr + b.tree.page.Path
	body, err := fetch(ctx, b.http, pageURL)
	if err != nil {
		return subject{}, err
	}
	if !bytes.Equal(body, b.tree.page.Body) {
		return subject{}, fmt.Errorf("nginx serves %d bytes at %s, not the %d bytes of roneo's page", len(body), b.tree.page.Path, len(b.tree.page.Body))
	}
	return subject{scenario: scenarioNginx, url: pageURL, identical: true, server: ng}, nil
}

// startNginx writes the page into a document root and nginx's configuration into the
// workspace directory named label, starts nginx and waits until it serves the page.
func (b *bench) startNginx(ctx context.Context, label string, p page) (*child, string, error) {
	bin, err := findProgram("nginx", "/usr/sbin/nginx")
	if err != nil {
		return nil, "", err
	}
	port, err := freePort()
	if err != nil {
		return nil, "", err
	}
	dir, addr := b.ws.path(label), loopback(port)
	if err := writeNginxFiles(dir, addr, p); err != nil {
		return nil, "", err
	}
	b.logf("starting nginx (%s) on %s", label, addr)
	c, err := startChild(label, filepath.Join(dir, "stderr.log"), nil,
		bin, "-e", filepath.Join(dir, "error.log"), "-p", dir+"/", "-c", filepath.Join(dir, "nginx.conf"))
	if err != nil {
		return nil, "", err
	}
	b.track(c)
	if err := waitHealthy(ctx, b.http, c, "http://"+addr+p.Path, 10*time.Second); err != nil {
		return nil, "", fmt.Errorf("%w\nnginx error.log ends:\n%s", err, logTail(filepath.Join(dir, "error.log"), 10))
	}
	return c, addr, nil
}

// writeNginxFiles lays out dir: nginx.conf, temp/, and root/ holding the page at its
// URL path, so that nginx answers the same path as roneo.
func writeNginxFiles(dir, addr string, p page) error {
	file, err := pageFile(filepath.Join(dir, "root"), p.Path)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Join(dir, "temp"), 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(file, p.Body, 0o644); err != nil {
		return err
	}
	var conf bytes.Buffer
	if err := nginxConf.Execute(&conf, struct{ Dir, Addr string }{dir, addr}); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "nginx.conf"), conf.Bytes(), 0o644)
}

// pageFile is where the page at urlPath lives under root: nginx decodes the path
// before looking for the file, so the file has the decoded name.
func pageFile(root, urlPath string) (string, error) {
	p, err := url.PathUnescape(urlPath)
	if err != nil {
		return "", fmt.Errorf("page path %q: %w", urlPath, err)
	}
	if path.Clean(p) != p || !strings.HasPrefix(p, "/") || strings.HasSuffix(p, "/") {
		return "", fmt.Errorf("page path %q cannot be a file under nginx's root", urlPath)
	}
	return filepath.Join(root, filepath.FromSlash(p)), nil
}

// findProgram looks name up in PATH, then in the places given (Debian puts nginx in
// /usr/sbin, which is not in every user's PATH).
func findProgram(name string, elsewhere ...string) (string, error) {
	if p, err := exec.LookPath(name); err == nil {
		return p, nil
	}
	for _, p := range elsewhere {
		if fi, err := os.Stat(p); err == nil && !fi.IsDir() {
			return p, nil
		}
	}
	return "", fmt.Errorf("%s not found: install it (Debian: apt-get install %s)", name, debianPackage[name])
}

// debianPackage names the package that brings each program the benchmark runs.
var debianPackage = map[string]string{"nginx": "nginx-light", "wrk": "wrk"}
