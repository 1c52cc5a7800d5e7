#!/usr/bin/python3
"""Generates the HtClassifier test data and the scikit-learn references (run once with Debian's python3-sklearn 1.2;
the outputs are committed next to this script and checked by tests/classifier/*.c).

Data sets: iris (150 x 4, 3 classes) and breast cancer (569 x 30, 2 classes, standardized with the training split's
mean and standard deviation so that the logistic regression is well conditioned), each split once into a training
and a test part by a seeded permutation; irismap is iris with the labels 0, 1, 2 mapped to -1, 5, 7.
Files: NAME_Xtrain, NAME_ytrain (int64), NAME_Xtest, NAME_ytest and, per model TAG, NAME_TAG_pred (int64) and
NAME_TAG_proba, plus the Gaussian naive Bayes model (theta, var, prior, epsilon) and the logistic model (coef as C x F,
intercept)."""
import os
import warnings
import numpy as np
from sklearn.datasets import load_breast_cancer
from sklearn.linear_model import LogisticRegression
from sklearn.naive_bayes import GaussianNB
from sklearn.neighbors import KNeighborsClassifier

warnings.simplefilter("ignore")  # newton-cg does not reach tol 1e-12 in float64; it stops at gradient norms near 1e-9
here = os.path.dirname(os.path.abspath(__file__))
root = os.path.join(here, "..", "..", "..")


def save(name, a):
    np.save(os.path.join(here, name + ".npy"), np.ascontiguousarray(a))


def split(X, y, ntrain, seed):
    p = np.random.default_rng(seed).permutation(X.shape[0])
    return X[p[:ntrain]], y[p[:ntrain]], X[p[ntrain:]], y[p[ntrain:]]


def logistic_coef(model, C):
    """C x F coefficients and C intercepts of the multinomial model (for 2 classes scikit-learn keeps the row of
    class 1 of the symmetric solution: class 0's row is its negative)"""
    if C == 2:
        return np.vstack([-model.coef_, model.coef_]), np.hstack([-model.intercept_, model.intercept_])
    return model.coef_, model.intercept_


def references(name, Xtr, ytr, Xte, yte):
    save(f"{name}_Xtrain", Xtr)
    save(f"{name}_ytrain", ytr.astype(np.int64))
    save(f"{name}_Xtest", Xte)
    save(f"{name}_ytest", yte.astype(np.int64))
    C = len(np.unique(ytr))
    models = {
        "knn_uniform": KNeighborsClassifier(n_neighbors=5, weights="uniform", algorithm="brute"),
        "knn_distance": KNeighborsClassifier(n_neighbors=7, weights="distance", algorithm="brute"),
        "gnb": GaussianNB(),
        # newton-cg: lbfgs stops on scikit-learn's fixed ftol = 64 eps with gradient norms near 1e-3 here
        "logistic": LogisticRegression(C=1.0, multi_class="multinomial", solver="newton-cg", tol=1e-12, max_iter=1000),
    }
    for tag, model in models.items():
        model.fit(Xtr, ytr)
        save(f"{name}_{tag}_pred", model.predict(Xte).astype(np.int64))
        save(f"{name}_{tag}_proba", model.predict_proba(Xte))
        print(name, tag, "accuracy %.10g" % model.score(Xte, yte))
    gnb = models["gnb"]
    save(f"{name}_gnb_theta", gnb.theta_)
    save(f"{name}_gnb_var", gnb.var_)
    save(f"{name}_gnb_prior", gnb.class_prior_)
    save(f"{name}_gnb_epsilon", np.array([gnb.epsilon_]))
    coef, intercept = logistic_coef(models["logistic"], C)
    save(f"{name}_logistic_coef", coef)
    save(f"{name}_logistic_intercept", intercept)


iris = np.loadtxt(os.path.join(root, "share", "heat", "datasets", "iris.csv"), delimiter=",", skiprows=1)
Xtr, ytr, Xte, yte = split(iris[:, :4], iris[:, 4].astype(np.int64), 100, 7)
references("iris", Xtr, ytr, Xte, yte)
lab = np.array([-1, 5, 7])
references("irismap", Xtr, lab[ytr], Xte, lab[yte])
bc = load_breast_cancer()
Xtr, ytr, Xte, yte = split(bc.data, bc.target.astype(np.int64), 400, 11)
mu, sd = Xtr.mean(axis=0), Xtr.std(axis=0)
references("cancer", (Xtr - mu) / sd, ytr, (Xte - mu) / sd, yte)
# the CLI tests: the iris split with the label as the last column (CSV), and a test file without it
Xtr, ytr, Xte, yte = split(iris[:, :4], iris[:, 4].astype(np.int64), 100, 7)
fmt = ["%.1f"] * 4 + ["%d"]
np.savetxt(os.path.join(here, "iris_train.csv"), np.column_stack([Xtr, ytr]), delimiter=",", fmt=fmt)
np.savetxt(os.path.join(here, "iris_test.csv"), np.column_stack([Xte, yte]), delimiter=",", fmt=fmt)
np.savetxt(os.path.join(here, "iris_test_nolabel.csv"), Xte, delimiter=",", fmt="%.1f")
np.savetxt(os.path.join(here, "iris_test_3rows.csv"), np.column_stack([Xte, yte])[:3], delimiter=",", fmt=fmt)  # fewer rows than ranks
