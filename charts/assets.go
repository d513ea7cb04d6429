package charts

import (
	"crypto/sha256"
	"embed"
	"encoding/base64"
	"fmt"
	"regexp"
)

// assets holds the ECharts bundle built by `make assets`. The folder is
// embedded rather than the file so that a build without Node still compiles:
// the tracked README.md keeps the pattern matching.
//
//go:embed assets
var assets embed.FS

// bundlePath is where build-echarts.mjs writes the bundle.
const bundlePath = "assets/echarts.min.js"

// cdnURL is the fallback when the bundle is missing: the full ECharts build
// of the pinned version (package.json). It is the only network address a
// report can ever name.
const cdnURL = "https://cdn.jsdelivr.net/npm/echarts@5.4.3/dist/echarts.min.js"

// echartsJS is the embedded bundle, or "" when the binary was built without it.
var echartsJS = func() string {
	b, err := assets.ReadFile(bundlePath)
	if err != nil {
		return ""
	}
	return string(b)
}()

// Offline reports whether ECharts is embedded in this build, so that reports
// need no network. When false, reports load ECharts from the public CDN.
func Offline() bool { return echartsJS != "" }

// unsafeInScript matches what would end or confuse an HTML <script> element
// if it appeared in inlined script text. esbuild already escapes these in
// string literals; the check makes a future bundler change fail loudly
// instead of silently breaking every report.
var unsafeInScript = regexp.MustCompile(`(?i)</script|<!--|<script`)

// checkScript refuses script text that cannot be inlined verbatim.
func checkScript(name, js string) error {
	if loc := unsafeInScript.FindStringIndex(js); loc != nil {
		return fmt.Errorf("%s 在第 %d 字节处含有 %q,无法内嵌到 HTML", name, loc[0], js[loc[0]:loc[1]])
	}
	return nil
}

// cspHash is the Content-Security-Policy source expression for an inline
// script: only scripts whose hash is listed may run, so markup injected
// through data could not run script even if escaping ever failed.
func cspHash(js string) string {
	sum := sha256.Sum256([]byte(js))
	return "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
}
