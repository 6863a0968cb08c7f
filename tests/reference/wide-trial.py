# Writes tests/fixtures/wide-trial.csv (with --write) and prints the figures tests/browser/trial-import.spec.ts holds
# the app to: a two-arm trial, one row per participant, no id column, VAS pain (0–100 mm) before and after, and
# the ordinary least-squares ANCOVA of PostVAS on PreVAS and arm (numpy 2.4, scipy 1.17).
import sys, csv, numpy as np
from scipy import stats
path = 'tests/fixtures/wide-trial.csv'
if '--write' in sys.argv:
    rng = np.random.default_rng(2013)
    with open(path, 'w', newline='') as f:
        w = csv.writer(f, lineterminator='\n')
        w.writerow(['group', 'PreVAS', 'PostVAS', 'age'])
        for i in range(60):
            g = i % 2
            pre = int(np.clip(rng.normal(58, 14), 10, 95))
            post = int(np.clip(0.6 * pre + 12 - 11 * g + rng.normal(0, 10), 0, 100))
            w.writerow([g, pre, post, int(rng.integers(22, 70))])
rows = list(csv.DictReader(open(path)))
x = np.array([[1, float(r['PreVAS']), r['group'] == '1'] for r in rows], float)
y = np.array([float(r['PostVAS']) for r in rows])
b = np.linalg.lstsq(x, y, rcond=None)[0]
res = y - x @ b
df = len(y) - 3
se = np.sqrt(np.diag(res @ res / df * np.linalg.inv(x.T @ x)))
t = stats.t.ppf(0.975, df)
print(f'ANCOVA, group 1 − group 0: {b[2]:.4f} ({b[2] - t * se[2]:.4f} to {b[2] + t * se[2]:.4f}); n {len(y)}')
for g in '01':
    post = np.array([float(r['PostVAS']) for r in rows if r['group'] == g])
    print(f'group {g}: n {len(post)}, mean PostVAS {post.mean():.4f}')
