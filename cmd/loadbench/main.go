//go:build !wasm

// Command loadbench measures the server under load, on loopback only: it
// starts `askforhelp serve` as a child process on 127.0.0.1, sends GET
// requests for a few paths over 1, 16 and 64 keep-alive connections for a
// fixed time each, and prints requests a second, p50 and p99 latency, errors
// and the server's peak resident memory (VmHWM, from /proc).
//
//	loadbench [--bin bin/askforhelp] [--web web] [--duration 3s] [--out FILE]
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"regexp"
	"slices"
	"strings"
	"sync"
	"time"
)

func main() {
	bin := flag.String("bin", "bin/askforhelp", "the askforhelp `BINARY` to serve with")
	web := flag.String("web", "web", "the web `DIR`, with app.wasm")
	dur := flag.Duration("duration", 3*time.Second, "how long each path is loaded at each concurrency")
	out := flag.String("out", "", "also write the table to `FILE`")
	flag.Parse()
	if err := bench(*bin, *web, *dur, *out); err != nil {
		fmt.Fprintln(os.Stderr, "loadbench:", err)
		os.Exit(1)
	}
}

// Targets: a page, a page with an answer, and the wasm as a browser gets it.
var targets = []struct{ name, path, encoding string }{
	{"/", "/", ""},
	{"/?q=database+migration", "/?q=database+migration", ""},
	{"app.wasm (br)", "/web/app.wasm", "br"},
}

var conns = []int{1, 16, 64}

// maxRequests bounds one run, whatever the machine's speed.
const maxRequests = 200_000

func bench(bin, web string, dur time.Duration, out string) error {
	cmd := exec.Command(bin, "serve", "--addr", "127.0.0.1:0", "--web", web)
	stderr, err := cmd.StderrPipe()
	if err != nil {
		return err
	}
	if err := cmd.Start(); err != nil {
		return err
	}
	defer func() {
		cmd.Process.Kill()
		cmd.Wait()
	}()
	lines := bufio.NewScanner(stderr)
	serving := regexp.MustCompile(`serving version \S+ on (http://127\.0\.0\.1:\d+)`)
	base := ""
	for base == "" && lines.Scan() {
		if m := serving.FindStringSubmatch(lines.Text()); m != nil {
			base = m[1]
		}
	}
	if base == "" {
		return fmt.Errorf("%s serve did not start on loopback", bin)
	}
	go io.Copy(io.Discard, stderr)

	var b strings.Builder
	fmt.Fprintf(&b, "| Path | Connections | Requests/s | p50 | p99 | Errors |\n|---|---:|---:|---:|---:|---:|\n")
	for _, tg := range targets {
		for _, c := range conns {
			r := load(base+tg.path, tg.encoding, c, dur)
			fmt.Fprintf(&b, "| %s | %d | %.0f | %s | %s | %d |\n", tg.name, c, r.rate, ms(r.p50), ms(r.p99), r.errors)
		}
	}
	hwm, err := peakRSS(cmd.Process.Pid)
	if err != nil {
		return err
	}
	fmt.Fprintf(&b, "\nServer peak memory (VmHWM): %s; each row %s on 127.0.0.1, keep-alive.\n", hwm, dur)
	fmt.Print(b.String())
	if out != "" {
		return os.WriteFile(out, []byte(b.String()), 0o644)
	}
	return nil
}

type result struct {
	rate     float64
	p50, p99 time.Duration
	errors   int
}

// load requests url over c connections for dur and sums up.
func load(url, encoding string, c int, dur time.Duration) result {
	client := &http.Client{
		Transport: &http.Transport{MaxIdleConnsPerHost: c, MaxConnsPerHost: c, DisableCompression: true},
		Timeout:   30 * time.Second,
	}
	defer client.CloseIdleConnections()
	var mu sync.Mutex
	var lat []time.Duration
	errors := 0
	end := time.Now().Add(dur)
	start := time.Now()
	var wg sync.WaitGroup
	for range c {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for time.Now().Before(end) {
				req, _ := http.NewRequest(http.MethodGet, url, nil)
				if encoding != "" {
					req.Header.Set("Accept-Encoding", encoding)
				}
				t := time.Now()
				res, err := client.Do(req)
				ok := err == nil
				if ok {
					_, err = io.Copy(io.Discard, res.Body)
					res.Body.Close()
					ok = err == nil && res.StatusCode == http.StatusOK
				}
				d := time.Since(t)
				mu.Lock()
				if ok {
					lat = append(lat, d)
				} else {
					errors++
				}
				full := len(lat)+errors >= maxRequests
				mu.Unlock()
				if full {
					return
				}
			}
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)
	slices.Sort(lat)
	r := result{rate: float64(len(lat)) / elapsed.Seconds(), errors: errors}
	if len(lat) > 0 {
		r.p50 = lat[len(lat)*50/100]
		r.p99 = lat[min(len(lat)*99/100, len(lat)-1)]
	}
	return r
}

func ms(d time.Duration) string { return fmt.Sprintf("%.2f ms", float64(d)/float64(time.Millisecond)) }

// peakRSS is the process's peak resident set size, from /proc (Linux).
func peakRSS(pid int) (string, error) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return "", fmt.Errorf("reading the server's peak memory: %w", err)
	}
	for _, l := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(l, "VmHWM:"); ok {
			return strings.TrimSpace(v), nil
		}
	}
	return "", fmt.Errorf("no VmHWM in /proc/%d/status", pid)
}
