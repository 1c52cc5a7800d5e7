#!/usr/bin/python3
"""Writes the data sets of the tutorials into share/heat/datasets/ and prints scikit-learn's answers to what the
tutorials compute (run once with Debian's python3-sklearn 1.2; the CSV files are committed, the printed numbers are
what tutorials/output/ must show):

  wine.csv                        load_wine(): 178 samples, 13 features, the cultivar (0, 1, 2) last       (ex3)
  cancer_train.csv, cancer_test.csv  load_breast_cancer(): 569 samples, 30 features, the diagnosis last (0 malignant,
                                  1 benign), split once by a seeded permutation into 400 training, 169 test rows (ex9)
  moons.csv                       make_moons(400, noise=0.05, random_state=0): x, y and the moon (0, 1)     (ex7)

Header lines name the columns (underscores for spaces, so that the header is one name per field)."""
import os
import numpy as np
from sklearn.cluster import KMeans, SpectralClustering
from sklearn.datasets import load_breast_cancer, load_diabetes, load_wine, make_moons
from sklearn.decomposition import PCA
from sklearn.linear_model import LogisticRegression, lasso_path
from sklearn.metrics import adjusted_rand_score
from sklearn.naive_bayes import GaussianNB
from sklearn.neighbors import KNeighborsClassifier
from sklearn.preprocessing import StandardScaler

here = os.path.dirname(os.path.abspath(__file__))
datasets = os.path.join(here, "..", "..", "..", "share", "heat", "datasets")


def fmt(v):
    return repr(float(v)) if v != int(v) else str(int(v))


def write(name, names, X, y):
    with open(os.path.join(datasets, name), "w") as f:
        f.write(",".join(n.replace(" ", "_").replace("/", "_") for n in names) + "\n")
        for x, t in zip(X, y):
            f.write(",".join(fmt(v) for v in list(x) + [t]) + "\n")


# ex3: PCA of the standardized wine data
w = load_wine()
write("wine.csv", list(w.feature_names) + ["cultivar"], w.data, w.target)
Z = StandardScaler().fit_transform(w.data)
p = PCA(n_components=4).fit(Z)
print("ex3 wine standardized: singular values", " ".join("%.10g" % v for v in p.singular_values_))
print("ex3 explained variance", " ".join("%.10g" % v for v in p.explained_variance_))
print("ex3 explained variance ratio", " ".join("%.10g" % v for v in p.explained_variance_ratio_))
p = PCA().fit(w.data)
print("ex3 wine raw: explained variance ratio", " ".join("%.6g" % v for v in p.explained_variance_ratio_[:4]))

# ex4: the lasso path of the diabetes data (scikit-learn's lasso_path, centered data as Lasso(fit_intercept=True))
d = load_diabetes()
Xc, yc = d.data - d.data.mean(axis=0), d.target - d.target.mean()
alphas, coefs, _ = lasso_path(Xc, yc, n_alphas=30, eps=1e-3, tol=1e-10, max_iter=100000)
seen = set()
for a, c in zip(alphas, coefs.T):
    nz = [j for j in range(len(c)) if abs(c[j]) > 0]
    new = [d.feature_names[j] for j in nz if j not in seen]
    seen.update(nz)
    print("ex4 alpha %.6g nonzeros %d entering %s" % (a, len(nz), " ".join(new)))

# ex7: two moons, k-means against spectral clustering
X, y = make_moons(n_samples=400, noise=0.05, random_state=0)
write("moons.csv", ["x", "y", "moon"], X, y)
km = KMeans(2, n_init=10, random_state=0).fit(X)
sc = SpectralClustering(2, affinity="nearest_neighbors", n_neighbors=10, random_state=0).fit(X)
print("ex7 ARI kmeans %.6f spectral %.6f" % (adjusted_rand_score(y, km.labels_), adjusted_rand_score(y, sc.labels_)))

# ex9: breast cancer, trained on one file, tested on another, standardized with the training part's statistics
c = load_breast_cancer()
perm = np.random.default_rng(15).permutation(len(c.target))
tr, te = perm[:400], perm[400:]
write("cancer_train.csv", list(c.feature_names) + ["benign"], c.data[tr], c.target[tr])
write("cancer_test.csv", list(c.feature_names) + ["benign"], c.data[te], c.target[te])
s = StandardScaler().fit(c.data[tr])
for tag, Ztr, Zte, k, C in (("standardized", s.transform(c.data[tr]), s.transform(c.data[te]), 5, 1.0),
                            ("raw", c.data[tr], c.data[te], 5, 1.0),
                            ("standardized, 15 neighbours, C 0.1", s.transform(c.data[tr]), s.transform(c.data[te]), 15, 0.1)):
    for name, m in (("knn", KNeighborsClassifier(k, algorithm="brute")),
                    ("logistic", LogisticRegression(C=C, multi_class="multinomial", solver="newton-cg", tol=1e-12, max_iter=1000)),
                    ("gaussiannb", GaussianNB())):
        m.fit(Ztr, c.target[tr])
        print("ex9 %s: %s accuracy %.10g (%d of %d)" % (tag, name, m.score(Zte, c.target[te]), (m.predict(Zte) == c.target[te]).sum(), len(te)))
