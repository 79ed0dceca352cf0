package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"text/template"
	"time"
)

// proxyConf puts nginx in front of roneo as an operator would to run several instances
// behind one address: an upstream per scenario, on a port of its own, with idle
// connections to the instances kept open (keepalive, HTTP/1.1, no Connection header) so
// that the proxy does not reconnect for every request. Requests go round-robin, nginx's
// default. Buffers hold a whole page, so that no response spills to a temporary file.
// Host is passed on as the client sent it.
var proxyConf = template.Must(template.New("proxy.conf").Parse(`daemon off;
master_process on;
worker_processes 2;
pid "{{.Dir}}/nginx.pid";
error_log "{{.Dir}}/error.log" warn;
events {
	worker_connections 1024;
}
http {
	access_log off;
	keepalive_requests 10000000;
	keepalive_timeout 120s;
	client_body_temp_path "{{.Dir}}/temp/body";
	proxy_temp_path "{{.Dir}}/temp/proxy";
	fastcgi_temp_path "{{.Dir}}/temp/fastcgi";
	uwsgi_temp_path "{{.Dir}}/temp/uwsgi";
	scgi_temp_path "{{.Dir}}/temp/scgi";
	proxy_http_version 1.1;
	proxy_set_header Connection "";
	proxy_set_header Host $http_host;
	proxy_buffer_size 16k;
	proxy_buffers 16 16k;
{{- range .Upstreams}}
	upstream {{.Name}} {
{{- range .Servers}}
		server {{.}};
{{- end}}
		keepalive 32;
		keepalive_requests 10000000;
		keepalive_timeout 120s;
	}
	server {
		listen {{.Listen}};
		location / {
			proxy_pass http://{{.Name}};
		}
	}
{{- end}}
}
`))

// upstream is one port of the proxy and the roneo instances behind it.
type upstream struct {
	Name    string   // nginx's name for the group
	Listen  string   // the proxy's address for it, set by startProxy
	Servers []string // host:port of each instance
	behind  []*child
}

// startProxy gives each upstream a free port, starts nginx in front of them with its
// files in dir, and waits until each answers /healthz.
func (b *bench) startProxy(ctx context.Context, dir string, ups []upstream) (*child, error) {
	bin, err := findProgram("nginx", "/usr/sbin/nginx")
	if err != nil {
		return nil, err
	}
	for i := range ups {
		port, err := freePort()
		if err != nil {
			return nil, err
		}
		ups[i].Listen = loopback(port)
	}
	if err := writeProxyFiles(dir, ups); err != nil {
		return nil, err
	}
	for _, up := range ups {
		b.logf("nginx proxy on %s → %v", up.Listen, up.Servers)
	}
	c, err := startChild("nginx (proxy)", filepath.Join(dir, "stderr.log"), nil,
		bin, "-e", filepath.Join(dir, "error.log"), "-p", dir+"/", "-c", filepath.Join(dir, "nginx.conf"))
	if err != nil {
		return nil, err
	}
	b.track(c)
	for _, up := range ups {
		if err := waitHealthy(ctx, b.http, c, "http://"+up.Listen+"/healthz", 10*time.Second); err != nil {
			return nil, fmt.Errorf("%w\nnginx error.log ends:\n%s", err, logTail(filepath.Join(dir, "error.log"), 10))
		}
	}
	return c, nil
}

// writeProxyFiles lays out dir: nginx.conf and temp/.
func writeProxyFiles(dir string, ups []upstream) error {
	if err := os.MkdirAll(filepath.Join(dir, "temp"), 0o755); err != nil {
		return err
	}
	var conf bytes.Buffer
	err := proxyConf.Execute(&conf, struct {
		Dir       string
		Upstreams []upstream
	}{dir, ups})
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "nginx.conf"), conf.Bytes(), 0o644)
}
