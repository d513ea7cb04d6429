package rank

import (
	"strconv"

	"shaipin/data"
)

// The labels below state each rule in one Chinese sentence for the rules
// box and the 说明 sheet. They describe resolved options; an option left
// unset is described by its default.

// TieLabel describes the tie rule in Chinese.
func (o Options) TieLabel() string {
	if o.Ties == Dense {
		return "并列占同一名次,下一名次连续(中国式:1、2、2、3)"
	}
	return "并列占较好名次,下一名次跳过(美式:1、2、2、4)"
}

// ScoreLabel describes the score method in Chinese (how a missing value
// counts is MissingLabel's).
func (o Options) ScoreLabel() string {
	switch o.withDefaults().Score {
	case RankPoints:
		return "名次得分:每项 (参与排名单位数 − 名次) ÷ (参与排名单位数 − 1) × 100,按权重加权平均"
	case Efficacy:
		return "功效系数法:每项 60 + 40 × (数值 − 最差值) ÷ (最优值 − 最差值),最优 100 分、最差 60 分,按方向计算,按权重加权平均"
	case ZScore:
		return "标准分:每项 50 + 10 × (数值 − 平均值) ÷ 标准差,按方向计算,限于 0—100,按权重加权平均"
	case Target:
		return "目标值法:每项 数值 ÷ 目标值 × 100(越小越好的指标为 目标值 ÷ 数值 × 100),最高 " +
			itoa(int(TargetCap*100)) + " 分;未填目标值的指标以时序进度(时序进度指标)或最优值为目标,按权重加权平均"
	case TOPSIS:
		return "TOPSIS(优劣解距离法):各项按平方和开方归一、乘权重后,计算与最优单位、最差单位的距离,得分 = 与最差距离 ÷ (与最优距离 + 与最差距离) × 100"
	}
	return "极差标准化:每项最优值 100 分、最差值 0 分、其间线性,按方向计算,按权重加权平均"
}

// WeightsLabel describes where the weights come from in Chinese.
func (o Options) WeightsLabel() string {
	switch o.withDefaults().Weights {
	case EqualWeights:
		return "等权:权重大于 0 的参与排名指标权重相同"
	case EntropyWeights:
		return "熵权法:按各指标数值的差异程度由数据计算权重,差异越大权重越高(各指标实际权重见指标列表)"
	}
	return "权重按指标说明"
}

// MissingLabel states in one sentence how a missing value counts.
func (o Options) MissingLabel() string {
	switch o.withDefaults().Missing {
	case Last:
		return "未报送的指标按该项最低得分计入综合得分(不报即末位)"
	case Zero:
		return "未报送的指标按 0 分计入综合得分"
	}
	return "未报送的指标不计入综合得分,其权重在该单位已报送的指标间重新分配"
}

// CoverageLabel states the coverage rule in one sentence.
func (o Options) CoverageLabel() string {
	c := *o.withDefaults().MinCoverage
	if c == 0 {
		return "不设最低覆盖率:有任一参与排名指标数值的单位都参与总榜排名"
	}
	return "已报送指标的权重之和不足全部参与排名指标权重的 " + percent(c) +
		" 的单位,不参与总榜排名,列在总榜之后"
}

// BoardLabel states what orders the overall board.
func (o Options) BoardLabel() string {
	if o.withDefaults().Board == TallyBoard {
		return "总榜按红黄旗项数排名:前" + itoa(o.Top) + "位项数减后" + itoa(o.Bottom) +
			"位项数,相同再比前" + itoa(o.Top) + "位项数,仍相同则并列"
	}
	return "总榜按综合得分排名"
}

// percent writes a share as a percentage without trailing zeros: 0.5 is
// "50%", 0.125 "12.5%".
func percent(share float64) string {
	return strconv.FormatFloat(data.Round(share*100, 2), 'f', -1, 64) + "%"
}
