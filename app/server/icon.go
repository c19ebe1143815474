//go:build !wasm

package server

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"math"
)

// The app's icon: a white speech bubble holding a blue question mark on
// GOV.UK blue, drawn here so that no icon is fetched from elsewhere and no
// binary file is kept by hand. web/icon.svg is the same drawing as SVG.
var (
	iconBlue  = color.RGBA{0x1d, 0x70, 0xb8, 0xff}
	iconWhite = color.RGBA{0xff, 0xff, 0xff, 0xff}
)

// iconPNG draws the icon at size×size pixels. A maskable icon keeps its
// drawing inside the central 80% safe zone that launchers may crop to.
func iconPNG(size int, maskable bool) []byte {
	img := image.NewRGBA(image.Rect(0, 0, size, size))
	scale, offset := 1.0, 0.0
	if maskable {
		scale, offset = 0.8, 0.1
	}
	const ss = 4 // samples per pixel side, for smooth edges
	for py := 0; py < size; py++ {
		for px := 0; px < size; px++ {
			var r, g, b float64
			for sy := 0; sy < ss; sy++ {
				for sx := 0; sx < ss; sx++ {
					x := (float64(px) + (float64(sx)+0.5)/ss) / float64(size)
					y := (float64(py) + (float64(sy)+0.5)/ss) / float64(size)
					c := iconColour((x-offset)/scale, (y-offset)/scale)
					r += float64(c.R)
					g += float64(c.G)
					b += float64(c.B)
				}
			}
			n := float64(ss * ss)
			img.SetRGBA(px, py, color.RGBA{uint8(r/n + 0.5), uint8(g/n + 0.5), uint8(b/n + 0.5), 0xff})
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		panic(err) // encoding an in-memory RGBA image cannot fail
	}
	return buf.Bytes()
}

// iconColour is the colour at (x, y) in the unit square.
func iconColour(x, y float64) color.RGBA {
	if !inBubble(x, y) {
		return iconBlue
	}
	if inQuestionMark(x, y) {
		return iconBlue
	}
	return iconWhite
}

// inBubble: a rounded rectangle with a tail at the bottom left.
func inBubble(x, y float64) bool {
	const x0, y0, x1, y1, rad = 0.18, 0.2, 0.82, 0.68, 0.1
	if x >= x0 && x <= x1 && y >= y0 && y <= y1 {
		cx := math.Max(x0+rad, math.Min(x, x1-rad))
		cy := math.Max(y0+rad, math.Min(y, y1-rad))
		if math.Hypot(x-cx, y-cy) <= rad {
			return true
		}
	}
	// The tail: a triangle from the bubble's bottom edge down to (0.3, 0.84).
	if y > y1-0.01 && y <= 0.84 {
		t := (y - y1) / (0.84 - y1)
		left, right := 0.3, 0.46-0.16*t
		return x >= left && x <= right
	}
	return false
}

// inQuestionMark: an arc, a stem and a dot.
func inQuestionMark(x, y float64) bool {
	const cx, cy, r, w = 0.5, 0.37, 0.095, 0.045
	d := math.Hypot(x-cx, y-cy)
	angle := math.Atan2(cy-y, x-cx) * 180 / math.Pi // counter-clockwise from east
	if d >= r-w/2 && d <= r+w/2 && angle >= -75 && angle <= 180 {
		return true
	}
	if math.Abs(x-cx) <= w/2 && y >= cy+r*0.85 && y <= 0.53 {
		return true
	}
	return math.Hypot(x-cx, y-0.6) <= w*0.6
}
