package main

import (
	"fmt"
	"io"

	"github.com/urfave/cli/v2"

	"shaipin/data"
	"shaipin/rank"
)

// Inputs are the workbooks a ranking command reads and how.
type Inputs struct {
	// Files are the workbooks and folders named; none means the
	// embedded sample.
	Files []string
	// Read holds --period and the size limits.
	Read data.Options
	// Strict (--strict) makes the plausibility findings errors.
	Strict bool
}

// parseInputs reads the arguments and inputFlags.
func parseInputs(c *cli.Context) (Inputs, error) {
	in := Inputs{Files: c.Args().Slice(), Read: limits(c), Strict: c.Bool(flagStrict)}
	var err error
	in.Read.Period, err = monthFlag(c)
	return in, err
}

// parseRanked reads the inputs and the ranking rules of a command that
// ranks (rankFlags); the rules' period is the inputs'.
func parseRanked(c *cli.Context) (Inputs, rank.Options, error) {
	in, err := parseInputs(c)
	if err != nil {
		return in, rank.Options{}, err
	}
	rules, err := rankRules(c, in.Read.Period)
	return in, rules, err
}

// read reads the inputs, or the embedded sample when there are none.
func (in Inputs) read() (*data.Dataset, error) {
	if len(in.Files) == 0 {
		return data.Sample(in.Read)
	}
	return data.Load(in.Read, in.Files...)
}

// load reads the inputs for ranking; the note about the sample and the
// warnings go to stderr so that stdout stays clean JSON or CSV.
func (in Inputs) load(stderr io.Writer) (*data.Dataset, error) {
	if len(in.Files) == 0 {
		fmt.Fprintln(stderr, "未指定输入文件,使用内置示例数据(金华市 2022年1—4月:4月数字摘自公开报道,1—3月为演示用模拟数据)。")
	}
	ds, err := in.read()
	if ds != nil {
		note(stderr, ds.Notes)
		warn(stderr, ds.Warnings)
	}
	return ds, err
}

// compute loads, ranks and checks; it returns the dataset too, for what
// is computed on the result's period afterwards.
func (in Inputs) compute(rules rank.Options, stderr io.Writer) (*rank.Result, *data.Dataset, error) {
	ds, err := in.load(stderr)
	if err != nil {
		return nil, nil, err
	}
	fs := shownFindings(ds, rules)
	res, err := rank.Compute(ds, rules)
	if err != nil {
		return nil, nil, err
	}
	fitMemoryLimit()
	return res, ds, checked(res, fs, in.Strict, stderr)
}
