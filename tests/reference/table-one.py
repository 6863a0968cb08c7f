# Reference values for src/lib/baseline/table-one.spec.ts and trial-table-one.spec.ts (Table 1), worked out
# from the raw text without the app: each client's baseline of an extra column is the value at their first
# visit (a measure's: at their first visit that has one);
# numbers as mean (sample SD) or median (numpy's linear quartiles), counts (%) of clients with a value, and the
# pooled sample skewness (scipy, bias=False: the adjusted Fisher–Pearson G1, as DuckDB's skewness()).
# Run: python3 tests/reference/table-one.py   (numpy 2, scipy 1)
import csv, io, re
import numpy as np
from scipy import stats

MISSING = {'', 'na', 'n/a', '-', 'null', 'nan', 'none', '<undefined>'}  # the importer's missing-value tokens


def present(v):
    return v is not None and v.strip().lower() not in MISSING


def number(v):
    try:
        x = float(v)
        return x if np.isfinite(x) else None
    except ValueError:
        return None


def baselines(rows, client, visit, group, column, first_with_value=False):
    """{group: {client: value at their first visit}} over rows ordered by visit; a measure takes its first
    visit with a value (first_with_value)."""
    out = {}
    seen = set()
    for r in sorted(rows, key=lambda r: int(r[visit])):
        out.setdefault(group(r), {})
        if first_with_value:
            if present(r[column]):
                out[group(r)].setdefault(r[client], r[column].strip())
            continue
        if (group(r), r[client]) in seen:
            continue
        seen.add((group(r), r[client]))
        if present(r[column]):
            out[group(r)][r[client]] = r[column].strip()
    return out


def clients(rows, client, group):
    out = {}
    for r in rows:
        out.setdefault(group(r), set()).add(r[client])
    return {g: len(c) for g, c in out.items()}


def describe_numeric(rows, client, visit, group, column, groups, measure=False):
    b = baselines(rows, client, visit, group, column, measure)
    # The kind and shape of a column: over every client of the file, whatever their group.
    everyone = [v for values in baselines(rows, client, visit, lambda r: 'all', column, measure).values() for v in values.values()]
    pooled = [x for x in map(number, everyone) if x is not None]
    print(f'  {column}: {len(pooled)} numbers of {len(everyone)} values, {len(set(pooled))} distinct, skewness {stats.skew(pooled, bias=False):.6f}')
    for g in groups:
        xs = np.array([x for x in map(number, b.get(g, {}).values()) if x is not None])
        q1, med, q3 = np.quantile(xs, [0.25, 0.5, 0.75])
        print(f'    {g}: n {len(xs)}, mean {xs.mean():.6f}, SD {xs.std(ddof=1):.6f}, median {med} ({q1} to {q3})')


def describe_levels(rows, client, visit, group, column, groups):
    b = baselines(rows, client, visit, group, column)
    print(f'  {column}:')
    for g in groups:
        values = list(b.get(g, {}).values())
        levels = sorted(set(values))
        print(f'    {g}: ' + ', '.join(f'{l} {values.count(l)}/{len(values)} = {100 * values.count(l) / len(values):.2f}%' for l in levels))


# Test 1: the inline CSV of table-one.spec.ts (arms of 6 and 6 shown; PNF's 2 under the minimum are not shown,
# but count in a column's kind and shape).
spec = open('src/lib/baseline/table-one.spec.ts').read()
rows = list(csv.DictReader(io.StringIO(re.search(r'const CSV = `(.*?)`', spec, re.S).group(1))))
arms = ['Sham', 'Swedish']
print('table-one.spec.ts')
describe_numeric(rows, 'client', 'visit', lambda r: r['technique'], 'pain', arms, measure=True)
for column in ['age', 'prior_visits']:
    describe_numeric(rows, 'client', 'visit', lambda r: r['technique'], column, arms)
for column in ['sex', 'smoker']:
    describe_levels(rows, 'client', 'visit', lambda r: r['technique'], column, arms)

# Test 2: the back-pain trial (Ashar et al. 2022). Arms 1, 2, 3; healthy controls have no group (NaN).
rows = list(csv.DictReader(open('tests/fixtures/Ashar2022_outcomes_demographics.csv')))
arm = lambda r: r['group'] if present(r['group']) else 'none'
groups = ['1', '2', '3', 'none']
print('trial-table-one.spec.ts')
print('  clients', clients(rows, 'id', arm))
describe_numeric(rows, 'id', 'time', arm, 'pain_avg', groups, measure=True)
describe_numeric(rows, 'id', 'time', arm, 'age', groups)
describe_levels(rows, 'id', 'time', arm, 'gender', groups)
