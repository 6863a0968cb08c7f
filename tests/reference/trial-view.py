# Reference values for src/lib/trial/trial-view.spec.ts, from tests/fixtures/Ashar2022_outcomes_demographics.csv
# (Ashar et al., JAMA Psychiatry 2022): pain_avg (BPI average pain, 0–10) at time 1 (baseline) and 2 (post-treatment)
# by arm (1 PRT, 2 placebo, 3 usual care; no group: healthy controls). numpy 2.4, scipy 1.17.
import csv, math, numpy as np
from scipy import stats
rows = list(csv.DictReader(open('tests/fixtures/Ashar2022_outcomes_demographics.csv')))
val = lambda r: None if r['pain_avg'] in ('NaN', '') else float(r['pain_avg'])
arm = {}; pre = {}; post = {}
for r in rows:
    a = r['group'] if r['group'] not in ('NaN', '') else 'none'
    arm[r['id']] = a
    v = val(r)
    if v is None: continue
    (pre if r['time'] == '1' else post)[r['id']] = v
for a in ['1', '2', '3', 'none']:
    b = np.array([pre[i] for i in pre if arm[i] == a]); f = np.array([post[i] for i in post if arm[i] == a])
    print(f'arm {a}: baseline n {len(b)} mean {b.mean():.6f} sd {b.std(ddof=1):.6f}', f'| post n {len(f)} mean {f.mean():.6f} sd {f.std(ddof=1):.6f} median {np.median(f):.6f} q1 {np.quantile(f, 0.25):.6f} q3 {np.quantile(f, 0.75):.6f} <=1 {int((f <= 1).sum())}' if len(f) else '')
def analyse(pop):
    print('population', pop)
    units = [i for i in pre if arm[i] in ('1', '2', '3')]
    if pop == 'complete': units = [i for i in units if i in post]
    y = {i: post.get(i, pre[i]) for i in units}
    for a in ['1', '2', '3']:
        u = [i for i in units if arm[i] == a]
        d = np.array([y[i] - pre[i] for i in u]); h = stats.t.ppf(0.975, len(d) - 1) * d.std(ddof=1) / math.sqrt(len(d))
        print(f'  change {a}: n {len(d)} mean {d.mean():.6f} ci {d.mean() - h:.6f} {d.mean() + h:.6f}; <=1 {sum(y[i] <= 1 for i in u)}')
    for a in ['1', '3']:
        f1 = np.array([y[i] for i in units if arm[i] == a]); f2 = np.array([y[i] for i in units if arm[i] == '2'])
        r = stats.ttest_ind(f1, f2, equal_var=False); ci = r.confidence_interval()
        print(f'  welch {a}-2: {f1.mean() - f2.mean():.6f} ci {ci.low:.6f} {ci.high:.6f}')
    X = np.array([[1, pre[i], arm[i] == '1', arm[i] == '3'] for i in units], float); Y = np.array([y[i] for i in units])
    b = np.linalg.lstsq(X, Y, rcond=None)[0]; res = Y - X @ b; df = len(Y) - 4; se = np.sqrt(np.diag(res @ res / df * np.linalg.inv(X.T @ X))); t = stats.t.ppf(0.975, df)
    print(f'  ancova: PRT {b[2]:.6f} ci {b[2] - t * se[2]:.6f} {b[2] + t * se[2]:.6f}; UC {b[3]:.6f} ci {b[3] - t * se[3]:.6f} {b[3] + t * se[3]:.6f}; n {len(Y)}')
analyse('complete'); analyse('bocf')
