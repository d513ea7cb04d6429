#!/usr/bin/env python3
"""The benchmark's peer: the 晒拼 ranking as an office analyst would script
it with pandas and openpyxl, for `make bench` to time against shaipin.

It does the job shaipin's `report` does, minus the HTML: read every
workbook (every data sheet, one- or two-row headers, title, total and note
rows skipped, figures typed as text such as "52.7%" or "1,234.5", 未报送 and
blanks missing), take each indicator's direction, weight and decimals from
指标说明, rank every indicator in every period (competition ties: 1, 2, 2, 4),
tier the ranks (top 3 / bottom 3 among the units ranked), tally the tiers
per unit, compute a weighted min-max composite (missing indicators skipped,
units under 50 % coverage left off the board), the change in rank since the
previous period, and write an Excel summary and a JSON file for the latest
period.

    python3 bench/peer.py -o OUTDIR WORKBOOK.xlsx ...

It is written the way pandas is meant to be used (vectorised group-bys, no
Python loop over cells), so that the comparison is with a fair script, not
a slow one.
"""
import argparse
import json
import os
import re
import sys

import numpy as np
import pandas as pd

TOP, BOTTOM, MIN_COVERAGE = 3, 3, 0.5
META_SHEETS = {"参数", "单位", "指标说明"}
# First cells of rows that are not units: totals, averages, notes, sources.
NOT_A_UNIT = re.compile(r"^(全市|全省|全国|合计|总计|小计|平均|注|说明|备注|数据来源|来源|填报)")
MISSING = {"", "未报送", "—", "-", "/", "无"}


def clean_name(header):
    """'未来社区完\\n成投资额\\n(亿元)' -> '未来社区完成投资额'."""
    s = re.sub(r"\s+", "", str(header))
    return re.sub(r"[((][^()()]*[))]$", "", s)


def to_number(col):
    """Figures as numbers: text such as '52.7%' or '1,234.5' parsed, 未报送 and
    blanks missing."""
    num = pd.to_numeric(col, errors="coerce")
    text = col[num.isna() & col.notna()].astype(str).str.strip()
    text = text[~text.isin(MISSING)]
    if len(text):
        num.loc[text.index] = pd.to_numeric(
            text.str.replace(",", "", regex=False).str.replace("%", "", regex=False), errors="coerce")
    return num.astype(float)


def data_sheet(df):
    """One data sheet as a long frame (unit, indicator, value)."""
    first = df.iloc[:, 0].astype(str).str.strip()
    header = first.index[first.str.contains("县|市|区|单位|地区", regex=True) & (df.notna().sum(axis=1) > 1)]
    if len(header) == 0:
        return None
    h = header[0]
    names, start = df.iloc[h], h + 1
    if pd.isna(df.iat[h + 1, 0]):  # a two-row header: groups above, names below
        names, start = df.iloc[h + 1], h + 2
    body = df.iloc[start:]
    unit = body.iloc[:, 0]
    keep = unit.notna() & ~unit.astype(str).str.strip().str.match(NOT_A_UNIT)
    body = body[keep]
    cols = [clean_name(n) for n in names.iloc[1:]]
    wide = body.iloc[:, 1:].set_axis(cols, axis=1)
    wide.insert(0, "unit", body.iloc[:, 0].astype(str).str.strip().to_numpy())
    wide = wide.loc[:, wide.columns.notna() & (wide.columns != "nan")]
    long = wide.melt(id_vars="unit", var_name="indicator", value_name="raw")
    long["value"] = to_number(long["raw"])
    return long.drop(columns="raw")


def read_book(path):
    """A workbook's period, its indicators' rules and its figures."""
    sheets = pd.read_excel(path, sheet_name=None, header=None, dtype=object)
    params = sheets["参数"].dropna(how="all")
    period = str(params.set_index(0)[1].get("期间", os.path.splitext(os.path.basename(path))[0]))
    spec = sheets["指标说明"]
    spec = spec.iloc[1:].set_axis([str(c) for c in spec.iloc[0]], axis=1)
    frames = [f for name, df in sheets.items() if name not in META_SHEETS for f in [data_sheet(df)] if f is not None]
    long = pd.concat(frames, ignore_index=True)
    long["period"] = period
    return period, spec, long


def rules(spec):
    """Per indicator: sign (+1 higher is better), weight, decimals."""
    r = pd.DataFrame({
        "indicator": spec["指标"].astype(str),
        "sign": np.where(spec["方向"].astype(str).str.contains("逆|低|小"), -1.0, 1.0),
        "weight": pd.to_numeric(spec["权重"], errors="coerce").fillna(1.0),
        "decimals": pd.to_numeric(spec["小数位"], errors="coerce").fillna(-1).astype(int),
        "ranked": spec.get("参与排名", pd.Series("是", index=spec.index)).astype(str) != "否",
    })
    return r[r["ranked"]].drop(columns="ranked")


def rank_all(long, spec):
    """Ranks, tiers and min-max points of every indicator in every period."""
    df = long.merge(rules(spec), on="indicator", how="inner")
    dec = df["decimals"].clip(lower=0)
    scale = 10.0 ** dec
    rounded = np.sign(df["value"]) * np.floor(df["value"].abs() * scale + 0.5) / scale
    df["key"] = np.where(df["decimals"] >= 0, rounded, df["value"]) * df["sign"]
    g = df.groupby(["period", "indicator"])["key"]
    df["rank"] = g.rank(method="min", ascending=False)
    df["n"] = g.transform("count")
    from_worst = df["n"] - g.rank(method="max", ascending=False) + 1
    df["tier"] = np.select([df["rank"] <= TOP, from_worst <= BOTTOM, df["rank"].notna()],
                           ["top", "bottom", "middle"], default="none")
    lo, hi = g.transform("min"), g.transform("max")
    df["points"] = np.where(hi > lo, (df["key"] - lo) / (hi - lo) * 100, 100.0)
    df.loc[df["key"].isna(), "points"] = np.nan
    return df


def board(df):
    """Tallies and the composite board of every period."""
    tally = pd.crosstab([df["period"], df["unit"]], df["tier"]).reindex(
        columns=["top", "middle", "bottom", "none"], fill_value=0).rename(columns={"none": "missing"})
    has = df["points"].notna()
    w_all = df[df.groupby(["period", "indicator"])["n"].transform("max") > 0].groupby(
        ["period", "indicator"])["weight"].first().groupby("period").sum()
    rep = df[has]
    wsum = rep.groupby(["period", "unit"])["weight"].sum()
    score = (rep["points"] * rep["weight"]).groupby([rep["period"], rep["unit"]]).sum() / wsum
    out = tally.join(pd.DataFrame({"score": score.round(2), "counted": rep.groupby(["period", "unit"]).size(),
                                   "coverage": wsum / w_all.reindex(wsum.index.get_level_values(0)).to_numpy()}))
    out["score"] = out["score"].where(out["coverage"] + 1e-9 >= MIN_COVERAGE)
    out["rank"] = out.groupby(level="period")["score"].rank(method="min", ascending=False)
    return out.reset_index()


def with_change(df, key):
    """The rank change since the previous period (+ is up), by key."""
    periods = sorted(df["period"].unique())
    prev = dict(zip(periods[1:], periods[:-1]))
    before = df[key + ["period", "rank"]].rename(columns={"rank": "prev_rank", "period": "prev"})
    df = df.assign(prev=df["period"].map(prev).astype(object)).merge(before, on=key + ["prev"], how="left")
    df["change"] = df["prev_rank"] - df["rank"]
    return df.drop(columns=["prev", "prev_rank"])


def write_excel(path, ranks, boards, latest):
    cur = ranks[ranks["period"] == latest].sort_values(["indicator", "rank"], na_position="last")
    b = boards[boards["period"] == latest].sort_values("rank", na_position="last")
    with pd.ExcelWriter(path, engine="openpyxl") as xw:
        b[["rank", "change", "unit", "score", "top", "middle", "bottom", "missing", "coverage"]].rename(columns={
            "rank": "排名", "change": "变化", "unit": "单位", "score": "综合得分", "top": "前3位", "middle": "中间",
            "bottom": "后3位", "missing": "未报送", "coverage": "覆盖率"}).to_excel(xw, sheet_name="总榜", index=False)
        cur[["indicator", "unit", "value", "rank", "change", "tier"]].rename(columns={
            "indicator": "指标", "unit": "单位", "value": "数值", "rank": "排名", "change": "变化", "tier": "档次"}).to_excel(
            xw, sheet_name="分项排名", index=False)
        cur.pivot_table(index="unit", columns="indicator", values="rank", aggfunc="first").to_excel(
            xw, sheet_name="排名矩阵")


def nan_none(x):
    return None if pd.isna(x) else (int(x) if float(x).is_integer() else float(x))


def write_json(path, ranks, boards, latest):
    cur = ranks[ranks["period"] == latest].sort_values(["indicator", "rank"], na_position="last")
    b = boards[boards["period"] == latest].sort_values("rank", na_position="last")
    inds = [{"name": name, "entries": [
        {"unit": u, "value": nan_none(v), "rank": nan_none(r), "tier": t, "change": nan_none(c)}
        for u, v, r, t, c in zip(g["unit"], g["value"], g["rank"], g["tier"], g["change"])]}
        for name, g in cur.groupby("indicator", sort=False)]
    doc = {"period": latest, "indicators": inds,
           "tally": [{"unit": u, "top": int(a), "middle": int(m), "bottom": int(z), "missing": int(x)}
                     for u, a, m, z, x in zip(b["unit"], b["top"], b["middle"], b["bottom"], b["missing"])],
           "overall": [{"unit": u, "score": nan_none(s), "rank": nan_none(r), "change": nan_none(c)}
                       for u, s, r, c in zip(b["unit"], b["score"], b["rank"], b["change"])],
           "history": {p: dict(zip(g["unit"], map(nan_none, g["rank"]))) for p, g in boards.groupby("period")}}
    with open(path, "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("-o", "--out", default="peer-out")
    ap.add_argument("files", nargs="+")
    a = ap.parse_args()
    books = [read_book(p) for p in a.files]
    spec = books[-1][1]
    long = pd.concat([b[2] for b in books], ignore_index=True)
    latest = max(b[0] for b in books)
    ranks = with_change(rank_all(long, spec), ["unit", "indicator"])
    boards = with_change(board(ranks), ["unit"])
    os.makedirs(a.out, exist_ok=True)
    write_excel(os.path.join(a.out, f"peer-{latest}.xlsx"), ranks, boards, latest)
    write_json(os.path.join(a.out, f"peer-{latest}.json"), ranks, boards, latest)
    print(os.path.join(a.out, f"peer-{latest}.json"))


if __name__ == "__main__":
    sys.exit(main())
