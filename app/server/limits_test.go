//go:build !wasm

package server

import (
	"bufio"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"testing"
	"time"
)

// TestIdleConnectionsMakeRoom: with more idle keep-alive connections than
// the server keeps, a new client is still answered, and the connections
// idle the longest are the ones closed.
func TestIdleConnectionsMakeRoom(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := httpServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, "ok") }), 8)
	// The server counts a connection idle a moment after its answer is
	// sent: report when, so that each client waits for it, not a while.
	idled := make(chan string, 64)
	track := srv.ConnState
	srv.ConnState = func(c net.Conn, st http.ConnState) {
		track(c, st)
		if st == http.StateIdle {
			idled <- c.RemoteAddr().String()
		}
	}
	waitIdle := func(c net.Conn) {
		t.Helper()
		for {
			select {
			case addr := <-idled:
				if addr == c.LocalAddr().String() {
					return
				}
			case <-time.After(10 * time.Second):
				t.Fatalf("the server never counted %s idle", c.LocalAddr())
			}
		}
	}
	go srv.Serve(ln)
	defer srv.Close()
	request := func(c net.Conn) error {
		c.SetDeadline(time.Now().Add(5 * time.Second))
		if _, err := fmt.Fprintf(c, "GET / HTTP/1.1\r\nHost: x\r\n\r\n"); err != nil {
			return err
		}
		res, err := http.ReadResponse(bufio.NewReader(c), nil)
		if err != nil {
			return err
		}
		res.Body.Close()
		return nil
	}
	var idle []net.Conn
	for i := 0; i < 20; i++ {
		c, err := net.Dial("tcp", ln.Addr().String())
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		if err := request(c); err != nil {
			t.Fatalf("client %d was not answered: %v", i, err)
		}
		idle = append(idle, c)
		waitIdle(c) // one after the other: an order of idleness
	}
	// The first connections were closed to make room, the last are open.
	first, last := idle[0], idle[len(idle)-1]
	first.SetReadDeadline(time.Now().Add(2 * time.Second))
	if _, err := first.Read(make([]byte, 1)); err == nil || errors.Is(err, os.ErrDeadlineExceeded) {
		t.Errorf("the connection idle the longest is still open (%v)", err)
	}
	if err := request(last); err != nil {
		t.Errorf("the newest idle connection was closed: %v", err)
	}
}
