//go:build !wasm

package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"syscall"
	"testing"
	"time"
)

// TestMain lets a test start this test binary as `askforhelp` itself, a
// real child process: ASKFORHELP_RUN=1 runs the command line it is given.
func TestMain(m *testing.M) {
	if os.Getenv("ASKFORHELP_RUN") == "1" {
		os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
	}
	code := m.Run()
	removeVariants()
	os.Exit(code)
}

// startServe runs `askforhelp serve` as a child process on a free port and
// returns it with its address.
func startServe(t *testing.T) (*exec.Cmd, string) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "serve", "--addr", "127.0.0.1:0", "--web", webDir)
	cmd.Env = append(os.Environ(), "ASKFORHELP_RUN=1")
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill() })
	lines := bufio.NewScanner(stderr)
	serving := regexp.MustCompile(`serving version \S+ on http://(\S+)`)
	for lines.Scan() {
		if m := serving.FindStringSubmatch(lines.Text()); m != nil {
			go io.Copy(io.Discard, stderr)
			return cmd, m[1]
		}
	}
	t.Fatalf("serve did not start: %v", lines.Err())
	return nil, ""
}

// refusedWithin reports whether connections to addr are refused, its
// listener closed, before d is up.
func refusedWithin(addr string, d time.Duration) bool {
	for deadline := time.Now().Add(d); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		c, err := net.DialTimeout("tcp", addr, time.Second)
		if errors.Is(err, syscall.ECONNREFUSED) {
			return true
		}
		if err == nil {
			c.Close()
		}
	}
	return false
}

// TestShutdownFinishesDownloads: a SIGTERM in the middle of a slow download
// of app.wasm lets it finish, every byte, and the server exits with 0; it
// stops accepting new connections meanwhile.
func TestShutdownFinishesDownloads(t *testing.T) {
	want, err := os.ReadFile(filepath.Join(webDir, "app.wasm"))
	if err != nil {
		t.Fatal(err)
	}
	cmd, addr := startServe(t)
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	// A small receive buffer, so that the kernel holds little of the file
	// for us: most of it is still in the server when the signal comes.
	conn.(*net.TCPConn).SetReadBuffer(64 << 10)
	fmt.Fprintf(conn, "GET /web/app.wasm HTTP/1.1\r\nHost: %s\r\nAccept-Encoding: identity\r\nConnection: close\r\n\r\n", addr)
	br := bufio.NewReaderSize(conn, 64<<10)
	res, err := http.ReadResponse(br, nil)
	if err != nil {
		t.Fatal(err)
	}
	if res.StatusCode != 200 || res.ContentLength != int64(len(want)) {
		t.Fatalf("status %d, Content-Length %d", res.StatusCode, res.ContentLength)
	}
	var got []byte
	buf := make([]byte, 64<<10)
	signalled := false
	for {
		n, err := res.Body.Read(buf)
		got = append(got, buf[:n]...)
		if !signalled && len(got) > 256<<10 {
			if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
				t.Fatal(err)
			}
			signalled = true
			// Not a fixed wait then one try, which fails whenever the
			// machine is slow to deliver the signal: the 10 s only catch
			// a server that never stops accepting (the download, paused
			// meanwhile, may take ShutdownGrace, 60 s).
			if !refusedWithin(addr, 10*time.Second) {
				t.Error("the server still accepts connections 10 s after SIGTERM")
			}
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("after %d of %d bytes: %v", len(got), len(want), err)
		}
		time.Sleep(10 * time.Millisecond) // about 6 MB/s at most: 1-2 s for app.wasm
	}
	if string(got) != string(want) {
		t.Errorf("got %d bytes of app.wasm's %d, or other bytes", len(got), len(want))
	}
	waited := make(chan error, 1)
	go func() { waited <- cmd.Wait() }()
	select {
	case err := <-waited:
		if err != nil {
			t.Errorf("serve exited with %v, want status 0", err)
		}
	case <-time.After(10 * time.Second):
		t.Error("serve did not exit once the download was done")
	}
}
