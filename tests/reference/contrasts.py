# Reference values for src/lib/metrics/contrasts.spec.ts: writes its CSV fixture (21 clients) and prints, after #,
# the Welch, Hedges g, ANCOVA and responder figures the test holds the app to. numpy 2.4, scipy 1.17.
import numpy as np, math
from scipy import stats
rng=np.random.default_rng(7)
techs=['PNF','SCS','Sham massage']; conds=['LBP','Neck pain']
rows=[]; clients=[]
cid=0
eff={'PNF':2.0,'SCS':1.2,'Sham massage':0.3}
for t in techs:
    for c in conds:
        for k in range(4 if c=='LBP' else 3):
            cid+=1
            b1=float(rng.integers(4,10)); 
            b2=float(max(0,min(10,round(b1-eff[t]-rng.normal(0,1.2)+ (0.5 if c=='Neck pain' else 0)))))
            a1=float(max(0,b1-round(rng.normal(eff[t],1)))); a2=float(max(0,b2-round(rng.normal(eff[t]/2,1))))
            id=f'K{cid:02d}'
            rows.append((id,'2025-03-03',t,c,b1,a1)); rows.append((id,'2025-03-17',t,c,b2,a2))
            clients.append(dict(t=t,c=c,course=b1-b2,cbase=b1,imm=((b1-a1)+(b2-a2))/2,ibase=(b1+b2)/2))
print('client,date,technique,condition,pain_before,pain_after')
for r in rows: print(','.join(str(x) if not isinstance(x,float) else ('%g'%x) for x in r))
CANON={'PNF':'PNF stretching','SCS':'Positional release','Sham massage':'Sham massage'}
def report(effect, base):
    print('#',effect)
    ref='Sham massage'
    grp={t:[cl[effect] for cl in clients if cl['t']==t] for t in techs}
    for t in techs:
        a=np.array(grp[t]); print('#',t,len(a),a.mean(),a.std(ddof=1))
    b=np.array(grp[ref])
    for t in ['PNF','SCS']:
        a=np.array(grp[t]); r=stats.ttest_ind(a,b,equal_var=False); ci=r.confidence_interval()
        n1,n2=len(a),len(b); sp=math.sqrt(((n1-1)*a.var(ddof=1)+(n2-1)*b.var(ddof=1))/(n1+n2-2)); d=(a.mean()-b.mean())/sp; J=1-3/(4*(n1+n2)-9)
        se=J*math.sqrt((n1+n2)/(n1*n2)+d*d/(2*(n1+n2)))
        print(f'# {t}: diff {a.mean()-b.mean():.6f} welch {ci.low:.6f} {ci.high:.6f} df {r.df:.6f} g {J*d:.6f} gci {J*d-1.959964*se:.6f} {J*d+1.959964*se:.6f}')
    X=np.array([[1,cl[base],cl['c']=='Neck pain',cl['t']=='PNF',cl['t']=='SCS'] for cl in clients],float); y=np.array([cl[effect] for cl in clients])
    bb=np.linalg.lstsq(X,y,rcond=None)[0]; res=y-X@bb; df=len(y)-5; s2=res@res/df; se=np.sqrt(np.diag(s2*np.linalg.inv(X.T@X))); tq=stats.t.ppf(0.975,df)
    print(f'# ancova: slope {bb[1]:.6f} neck {bb[2]:.6f} PNF {bb[3]:.6f} [{bb[3]-tq*se[3]:.6f}, {bb[3]+tq*se[3]:.6f}] SCS {bb[4]:.6f} [{bb[4]-tq*se[4]:.6f}, {bb[4]+tq*se[4]:.6f}] df {df} R2 {1-res@res/((y-y.mean())@(y-y.mean())):.6f}')
report('course','cbase'); report('imm','ibase')
# responders course: >=2 points or >=30% of baseline
for t in techs:
    print('# resp',t,sum(1 for cl in clients if cl['t']==t and (cl['course']>=2 or cl['course']/cl['cbase']>=0.3)), sum(1 for cl in clients if cl['t']==t))
