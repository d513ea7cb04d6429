package synth

import "math/rand"

// Syllables of county-level names. None starts a total or note row (全市,
// 合计, 平均, 注, 说明, 数据来源…), which the reader skips.
var (
	heads = []rune("婺金兰东义永浦武磐临安宁海江山龙泉庆元青田瑞苍文泰顺乐清洞玉环仙居天三门温岭黄岩椒嵊新昌诸暨上虞柯桥越余杭萧富阳桐庐淳建德长兴嘉善秀南盐桃鹿瓯北西丰吉昆常太沙铜滁宿淮")
	tails = []rune("城东阳溪乌康江义安和兴宁州山口门湖泉海丰源昌化平乡陵台川河水林田华阴都远清")
	// Three-syllable stems of banner (旗) names, as in 达拉特旗, 杭锦后旗.
	bannerStems = []string{"达拉特", "杭锦后", "科尔沁", "乌审", "鄂托克", "阿荣", "巴林左", "巴林右", "扎赉特", "额济纳",
		"准格尔", "伊金霍", "四子王", "察哈尔", "陈巴尔", "新巴尔", "鄂伦春", "莫力达", "翁牛特", "敖汉"}
)

// unitNames makes n distinct county-style names of two to five characters:
// 易县; 婺城区, 兰溪市, 浦江县; 滨海新区, 达拉特旗; 金华开发区.
func unitNames(n int, r *rand.Rand) []string {
	seen := map[string]bool{}
	out := make([]string, 0, n)
	for len(out) < n {
		name := unitName(r)
		if seen[name] {
			continue
		}
		seen[name] = true
		out = append(out, name)
	}
	return out
}

// unitName draws one name: mostly a two-syllable stem with 区, 市, 县 or 旗.
func unitName(r *rand.Rand) string {
	head := string(heads[r.Intn(len(heads))])
	stem := head + string(tails[r.Intn(len(tails))])
	switch x := r.Float64(); {
	case x < 0.03:
		return head + "县"
	case x < 0.06:
		return bannerStems[r.Intn(len(bannerStems))] + "旗"
	case x < 0.12:
		return stem + "新区"
	case x < 0.18:
		return stem + []string{"开发区", "高新区"}[r.Intn(2)]
	}
	return stem + string([]rune("区市县县旗")[r.Intn(5)])
}
