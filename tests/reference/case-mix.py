# Reference values for src/lib/metrics/case-mix.spec.ts. Writes tests/fixtures/case-mix.csv (60 client courses:
# provider, condition, baseline, change, age, sex; five ages missing) when run with --write, and prints the
# least-squares fit (numpy 2.4) of change on baseline, condition, age and sex over the 55 complete rows, each
# provider's observed, expected and observed − expected change with its t interval, and z = (O − E) / (s / √n).
import sys, csv, numpy as np
from scipy import stats
path = 'tests/fixtures/case-mix.csv'
if '--write' in sys.argv:
    rng = np.random.default_rng(11)
    with open(path, 'w', newline='') as f:
        w = csv.writer(f, lineterminator='\n')
        w.writerow(['provider', 'condition', 'baseline', 'change', 'age', 'sex'])
        for i in range(60):
            p = ['North', 'South', 'West'][i % 3]
            c = 'Neck pain' if rng.random() < 0.4 else 'Lower back pain'
            b = round(float(rng.uniform(3, 9)), 1)
            age = int(rng.integers(20, 75))
            sex = 'F' if rng.random() < 0.6 else 'M'
            ch = 0.4 * b - 0.02 * age + (0.8 if c == 'Neck pain' else 0) + (0.7 if p == 'West' else 0) + rng.normal(0, 1)
            w.writerow([p, c, b, round(float(ch), 2), '' if i in (4, 17, 29, 41, 53) else age, sex])
rows = list(csv.DictReader(open(path)))
full = [r for r in rows if r['age'] != '']
X = np.array([[1, float(r['baseline']), r['condition'] == 'Neck pain', float(r['age']), r['sex'] == 'M'] for r in full], float)
y = np.array([float(r['change']) for r in full])
b = np.linalg.lstsq(X, y, rcond=None)[0]
res = y - X @ b
df = len(y) - X.shape[1]
s = np.sqrt(res @ res / df)
se = np.sqrt(np.diag(s**2 * np.linalg.inv(X.T @ X)))
print('n', len(y), 'df', df, 'coef', b.round(6), 'se', se.round(6), 'R2', round(1 - res @ res / ((y - y.mean()) @ (y - y.mean())), 6), 's', round(s, 6))
e = X @ b
for p in ['North', 'South', 'West']:
    m = np.array([r['provider'] == p for r in full])
    r_ = res[m]; n = len(r_); d = r_.mean(); h = stats.t.ppf(0.975, n - 1) * r_.std(ddof=1) / np.sqrt(n)
    print(p, n, 'O', round(y[m].mean(), 6), 'E', round(e[m].mean(), 6), 'O-E', round(d, 6), 'ci', round(d - h, 6), round(d + h, 6), 'z', round(d / (s / np.sqrt(n)), 6))
