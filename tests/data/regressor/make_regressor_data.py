#!/usr/bin/python3
"""Generates the regression test data and the scikit-learn references (run once with Debian's python3-sklearn 1.2;
the outputs are committed next to this script and checked by tests/regressor/*.c).

Lasso and ElasticNet are fitted with tol 1e-14 and many iterations: their coefficients agree with those of tol 1e-10
to 1e-8 and with those of tol 1e-12 to 1e-10 relative (checked below), so they are the optimum to the 1e-8 of the
tests.
Ridge and LinearRegression are direct; their references are also checked against the closed forms."""
import os
import numpy as np
from sklearn.datasets import load_diabetes
from sklearn.linear_model import ElasticNet, Lasso, LinearRegression, Ridge, lasso_path, enet_path

here = os.path.dirname(os.path.abspath(__file__))


def save(name, a):
    np.save(os.path.join(here, name), np.ascontiguousarray(np.asarray(a, dtype=np.float64)))


def model_ref(tag, model, X, y):
    model.fit(X, y)
    save(f"{tag}_coef.npy", model.coef_)
    save(f"{tag}_intercept.npy", np.array([model.intercept_]))
    save(f"{tag}_score.npy", np.array([model.score(X, y)]))
    if hasattr(model, "alpha"):
        save(f"{tag}_alpha.npy", np.array([model.alpha]))
    return model


def cd_ref(tag, cls, X, y, **kw):
    tight = model_ref(tag, cls(tol=1e-14, max_iter=1000000, **kw), X, y)
    scale = max(np.abs(tight.coef_).max(), 1e-300)
    for tol, agree in [(1e-10, 1e-8), (1e-12, 1e-10)]:
        loose = cls(tol=tol, max_iter=1000000, **kw).fit(X, y)
        assert np.abs(tight.coef_ - loose.coef_).max() <= agree * scale, (tag, tol, np.abs(tight.coef_ - loose.coef_).max() / scale)


def closed_form(X, y, alpha, fit_intercept=True):
    mu = X.mean(axis=0) if fit_intercept else np.zeros(X.shape[1])
    ym = y.mean() if fit_intercept else 0.0
    Xc, yc = X - mu, y - ym
    w = np.linalg.solve(Xc.T @ Xc + alpha * np.eye(X.shape[1]), Xc.T @ yc)
    return w, ym - mu @ w


d = load_diabetes()
Xd, yd = d.data, d.target
save("diabetes_X.npy", Xd)
save("diabetes_y.npy", yd)
alpha_max = np.abs((Xd - Xd.mean(0)).T @ (yd - yd.mean())).max() / len(yd)
for tag, alpha in [("a0.01", 0.01), ("a0.1", 0.1), ("a1", 1.0), ("amax", 1.01 * alpha_max)]:
    cd_ref(f"diabetes_lasso_{tag}", Lasso, Xd, yd, alpha=alpha)
for tag, alpha in [("a0.001", 0.001), ("a0.01", 0.01)]:
    cd_ref(f"diabetes_enet_{tag}", ElasticNet, Xd, yd, alpha=alpha, l1_ratio=0.5)

# a sparse truth: 200 x 30, 5 non-zero coefficients, noise
rng = np.random.default_rng(13)
Xs = rng.standard_normal((200, 30)) + 3.0
wtrue = np.zeros(30)
wtrue[[2, 7, 11, 19, 28]] = [3.0, -2.0, 1.5, 4.0, -1.0]
ys = Xs @ wtrue + 5.0 + 0.5 * rng.standard_normal(200)
save("sparse_X.npy", Xs)
save("sparse_y.npy", ys)
for tag, alpha in [("a0.01", 0.01), ("a0.1", 0.1), ("a0.5", 0.5)]:
    cd_ref(f"sparse_lasso_{tag}", Lasso, Xs, ys, alpha=alpha)
cd_ref("sparse_enet_a0.05", ElasticNet, Xs, ys, alpha=0.05, l1_ratio=0.7)
cd_ref("sparse_lasso_noint", Lasso, Xs, ys, alpha=0.1, fit_intercept=False)

# lasso_path / enet_path fit without an intercept: of the centered data, as HtRegressorLassoPath() with one
for tag, fn, kw in [("diabetes_path", lasso_path, {}), ("diabetes_enet_path", enet_path, {"l1_ratio": 0.5})]:
    alphas, coefs, _ = fn(Xd - Xd.mean(0), yd - yd.mean(), eps=1e-3, n_alphas=10, tol=1e-14, max_iter=1000000, **kw)
    save(f"{tag}_alphas.npy", alphas)
    save(f"{tag}_coefs.npy", coefs)

# ridge and ordinary least squares, against the closed forms too
for tag, alpha in [("a0.1", 0.1), ("a10", 10.0)]:
    m = model_ref(f"diabetes_ridge_{tag}", Ridge(alpha=alpha), Xd, yd)
    w, b = closed_form(Xd, yd, alpha)
    assert np.abs(w - m.coef_).max() <= 1e-10 * np.abs(w).max() and abs(b - m.intercept_) <= 1e-10 * abs(b)
m = model_ref("diabetes_ols", LinearRegression(), Xd, yd)
w, b = closed_form(Xd, yd, 0.0)
assert np.abs(w - m.coef_).max() <= 1e-10 * np.abs(w).max()
m = model_ref("sparse_ridge_noint", Ridge(alpha=1.0, fit_intercept=False), Xs, ys)
w, b = closed_form(Xs, ys, 1.0, fit_intercept=False)
assert np.abs(w - m.coef_).max() <= 1e-10 * np.abs(w).max()

# a constant feature: its coefficient is 0
Xk = Xs.copy()
Xk[:, 4] = 7.0
save("constant_X.npy", Xk)
save("constant_y.npy", ys)
cd_ref("constant_lasso", Lasso, Xk, ys, alpha=0.1)
model_ref("constant_ridge", Ridge(alpha=1.0), Xk, ys)
assert model_ref("constant_lasso", Lasso(alpha=0.1, tol=1e-14, max_iter=1000000), Xk, ys).coef_[4] == 0

# rank-deficient: a repeated column and a combination of two others. The reference is NumPy's lstsq of the centered
# data (the minimum-norm solution, singular values below max(M, N) eps of the largest dropped): scikit-learn 1.2's
# LinearRegression keeps the two rounding-level singular values (2e-14 of 32) and returns coefficients near 1e14 here
Xr = np.hstack([Xs[:, :8], Xs[:, 2:3], (Xs[:, 0] - 2 * Xs[:, 5])[:, None]])
save("rankdef_X.npy", Xr)
save("rankdef_y.npy", ys)
mu = Xr.mean(0)
w = np.linalg.lstsq(Xr - mu, ys - ys.mean(), rcond=None)[0]
save("rankdef_ols_coef.npy", w)
save("rankdef_ols_intercept.npy", np.array([ys.mean() - mu @ w]))
r = ys - (Xr - mu) @ w - ys.mean()
save("rankdef_ols_score.npy", np.array([1 - r @ r / ((ys - ys.mean()) @ (ys - ys.mean()))]))
