//go:build !wasm

// Command askforhelp is the "Ask for help" widget's one binary: it serves the
// go-app PWA, writes a static copy of it, searches the directory from the
// command line and prints or generates the directory read from a manual page.
//
//	askforhelp serve  [--addr HOST:PORT] [--frame-ancestors ORIGINS]
//	askforhelp build  [--out DIR] [--base PATH]
//	askforhelp search [--json] [--limit N] [--page FILE] QUERY...
//	askforhelp data   [--page FILE] [--json] [--generate DIR]
//
// Built for GOOS=js GOARCH=wasm, the same package is the app's client.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
)

const usage = `askforhelp: whom to ask for help with GOV.UK technical problems.

Usage:
  askforhelp serve  [--addr HOST:PORT]       serve the app (default localhost:8000)
  askforhelp build  [--out DIR] [--base PATH]
                                             write a static copy of the site
  askforhelp search [--json] [--limit N] [--page FILE] QUERY...
                                             who to ask about QUERY, best first
  askforhelp data   [--page FILE] [--json] [--generate DIR]
                                             the directory read from a manual page
  askforhelp compress FILE...                write FILE.br and FILE.gz (for app.wasm)

Run "askforhelp COMMAND -h" for a command's flags.
`

// errUsage marks errors in how the command was called (exit status 2);
// errReported marks those the flag package has already printed.
var (
	errUsage    = errors.New("usage")
	errReported = errors.New("reported")
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run executes one command line and returns the exit status. Output goes to
// stdout only when the command succeeds.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	var err error
	switch cmd, rest := args[0], args[1:]; cmd {
	case "serve":
		err = serveCmd(rest, stderr)
	case "build":
		err = buildCmd(rest, stdout, stderr)
	case "search":
		err = searchCmd(rest, stdout, stderr)
	case "data":
		err = dataCmd(rest, stdout, stderr)
	case "compress":
		err = compressCmd(rest, stderr)
	case "-h", "-help", "--help", "help":
		fmt.Fprint(stdout, usage)
		return 0
	default:
		fmt.Fprintf(stderr, "askforhelp: unknown command %q\n\n%s", cmd, usage)
		return 2
	}
	switch {
	case err == nil:
		return 0
	case errors.Is(err, flag.ErrHelp):
		return 0
	case errors.Is(err, errUsage):
		if !errors.Is(err, errReported) {
			fmt.Fprintf(stderr, "askforhelp: %v\n", err)
		}
		return 2
	default:
		fmt.Fprintf(stderr, "askforhelp: %v\n", err)
		return 1
	}
}

// newFlags makes a subcommand's flag set that reports its own errors.
func newFlags(name, synopsis string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: askforhelp %s %s\n\nFlags:\n", name, synopsis)
		fs.PrintDefaults()
	}
	return fs
}

// noArgs refuses positional arguments a command does not take.
func noArgs(fs *flag.FlagSet, rest []string) error {
	if len(rest) == 0 {
		return nil
	}
	fs.Usage()
	return fmt.Errorf("%w: unexpected argument %q", errUsage, rest[0])
}

// parse reads flags anywhere among the arguments ("search base images
// --json" works too) and returns the other arguments; "--" ends the flags.
func parse(fs *flag.FlagSet, args []string) ([]string, error) {
	var rest []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, err
			}
			return nil, fmt.Errorf("%w%w: %v", errUsage, errReported, err)
		}
		left := fs.Args()
		if n := len(args) - len(left); n > 0 && args[n-1] == "--" {
			return append(rest, left...), nil // Parse stopped at "--"
		}
		if len(left) == 0 {
			return rest, nil
		}
		rest = append(rest, left[0])
		args = left[1:]
	}
}
