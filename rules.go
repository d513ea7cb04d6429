package main

import (
	"fmt"
	"slices"
	"strings"

	"github.com/urfave/cli/v2"

	"shaipin/data"
	"shaipin/rank"
)

// methodRules reads the methodFlags into o. A flag not given leaves its
// option unset, so that the 参数 sheet, then the default, decides: the
// precedence is flag > 参数 > default (rank.Options.Resolve).
func methodRules(c *cli.Context, o *rank.Options) error {
	for _, err := range []error{
		setChoice(c, flagScore, rank.ScoreMethods, &o.Score),
		setChoice(c, flagWeights, rank.WeightMethods, &o.Weights),
		setChoice(c, flagMissing, rank.MissingPolicies, &o.Missing),
		setChoice(c, flagBoard, rank.BoardKinds, &o.Board),
	} {
		if err != nil {
			return err
		}
	}
	if !c.IsSet(flagMinCoverage) {
		return nil
	}
	s := c.String(flagMinCoverage)
	f, err := data.ParseCoverage(s)
	if err != nil {
		return usageError{fmt.Errorf("--%s %q 无效:应为 0 到 1 之间的比例,如 0.5、50%% 或 50", flagMinCoverage, s)}
	}
	o.MinCoverage = &f
	return nil
}

// setChoice sets *dst from a flag whose value is one of allowed, when the
// flag is given.
func setChoice[T ~string](c *cli.Context, name string, allowed []T, dst *T) error {
	if !c.IsSet(name) {
		return nil
	}
	v, err := choose(c, name, allowed)
	if err == nil {
		*dst = v
	}
	return err
}

// choose reads a flag whose value is one of allowed, in lower case.
func choose[T ~string](c *cli.Context, name string, allowed []T) (T, error) {
	v := T(strings.ToLower(strings.TrimSpace(c.String(name))))
	return v, oneOf(name, v, allowed)
}

// oneOf is the usage error of a flag whose value is not one of allowed,
// naming the values it accepts.
func oneOf[T ~string](name string, v T, allowed []T) error {
	if slices.Contains(allowed, v) {
		return nil
	}
	words := make([]string, len(allowed))
	for i, a := range allowed {
		words[i] = string(a)
	}
	list := strings.Join(words, "、")
	if n := len(words); n > 1 {
		list = strings.Join(words[:n-1], "、") + " 或 " + words[n-1]
	}
	return usageError{fmt.Errorf("--%s 只能是 %s,而不是 %q", name, list, v)}
}
