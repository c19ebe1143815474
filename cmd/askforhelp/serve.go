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
	"path/filepath"
	"strings"
	"syscall"

	"github.com/alphagov/askforhelp/app/server"
)

func serveCmd(args []string, stderr io.Writer) error {
	fs := newFlags("serve", "[--addr HOST:PORT] [--web DIR] [--frame-ancestors ORIGINS]", stderr)
	addr := fs.String("addr", "localhost:8000", "listen on `HOST:PORT`")
	web := fs.String("web", "web", "serve the static files of `DIR` under /web/")
	frames := fs.String("frame-ancestors", "", "space-separated `ORIGINS` that may frame /embed (default: any)")
	rest, err := parse(fs, args)
	if err != nil {
		return err
	}
	if err := noArgs(fs, rest); err != nil {
		return err
	}
	s, err := server.New(server.Options{WebDir: *web, FrameAncestors: strings.Fields(*frames)})
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	srv := server.HTTPServer(s)
	fmt.Fprintf(stderr, "askforhelp: serving version %s on http://%s\n", s.Version(), ln.Addr())

	// On SIGTERM or SIGINT: stop accepting, let the requests in flight
	// finish (up to server.ShutdownGrace), then return. Serve returns as
	// soon as Shutdown starts, so wait for Shutdown itself.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	done := make(chan error, 1)
	go func() {
		<-ctx.Done()
		stop() // a second signal ends the process at once
		fmt.Fprintf(stderr, "askforhelp: stopping: finishing the requests in flight (at most %s)\n", server.ShutdownGrace)
		grace, cancel := context.WithTimeout(context.Background(), server.ShutdownGrace)
		defer cancel()
		err := srv.Shutdown(grace)
		if err != nil {
			srv.Close()
			err = fmt.Errorf("requests still in flight after %s were cut: %w", server.ShutdownGrace, err)
		}
		done <- err
	}()
	if err := srv.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	if err := <-done; err != nil {
		return err
	}
	fmt.Fprintln(stderr, "askforhelp: stopped")
	return nil
}

func buildCmd(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("build", "[--out DIR] [--base PATH] [--web DIR]", stderr)
	out := fs.String("out", "dist", "write the site into `DIR`")
	base := fs.String("base", "/", "the `PATH` the site is served under (e.g. /askforhelp for GitHub Pages)")
	web := fs.String("web", "web", "the static files to copy, with app.wasm")
	rest, err := parse(fs, args)
	if err != nil {
		return err
	}
	if err := noArgs(fs, rest); err != nil {
		return err
	}
	if !strings.HasPrefix(*base, "/") {
		return fmt.Errorf("%w: --base must start with /, not %q", errUsage, *base)
	}
	if err := compressFiles(filepath.Join(*web, "app.wasm")); err != nil {
		return err
	}
	s, err := server.New(server.Options{WebDir: *web, Base: *base})
	if err != nil {
		return err
	}
	if err := s.Build(*out); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "wrote the site (version %s) to %s\n", s.Version(), *out)
	return nil
}
