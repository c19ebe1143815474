//go:build !wasm

package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/alphagov/askforhelp/app/server"
)

func serveCmd(args []string, stderr io.Writer) error {
	fs := newFlags("serve", "[--addr HOST:PORT] [--page FILE] [--web DIR]", stderr)
	addr := fs.String("addr", "localhost:8000", "listen on `HOST:PORT`")
	page := fs.String("page", "", "show this manual page's data instead of the embedded data (server-rendered pages only)")
	web := fs.String("web", "web", "serve the static files of `DIR` under /web/")
	rest, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		fs.Usage()
		return fmt.Errorf("%w: unexpected argument %q", errUsage, rest[0])
	}
	d, err := loadDirectory(*page)
	if err != nil {
		return err
	}
	s, err := server.New(server.Options{Dir: d, WebDir: *web})
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second}
	fmt.Fprintf(stderr, "askforhelp: serving version %s on http://%s\n", s.Version(), ln.Addr())

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	go func() {
		<-ctx.Done()
		shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		srv.Shutdown(shutdown)
	}()
	if err := srv.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

func buildCmd(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("build", "[--out DIR] [--web DIR]", stderr)
	out := fs.String("out", "dist", "write the site into `DIR`")
	web := fs.String("web", "web", "the static files to copy, with app.wasm")
	rest, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		fs.Usage()
		return fmt.Errorf("%w: unexpected argument %q", errUsage, rest[0])
	}
	s, err := server.New(server.Options{WebDir: *web})
	if err != nil {
		return err
	}
	if err := s.Build(*out); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "wrote the site (version %s) to %s\n", s.Version(), *out)
	return nil
}
