"""The numerical core of Wordfish (see :mod:`discourse.scaling.wordfish` for the model).

Everything works on the sparse counts ``Y`` (documents x terms) and never forms a dense copy
of them: the terms of the log-likelihood that are linear in the counts, ``Σ y η``, are
computed from sparse products; only ``λ = exp(η)`` is a dense matrix, built as
``e^α_i · e^ψ_j · exp(θ_i β_j)`` with a single ``exp`` over an outer product per Newton step.

>>> import scipy.sparse as sp
>>> Y = sp.csr_matrix(np.array([[3., 1.], [1., 3.]]))
>>> a, p, b, t, phi, history, ok = estimate(Y, (0.0, 0.0, 1 / 9, 1.0), 1e-6, 1e-5, 100, "poisson")
>>> ok, bool(t[0] * t[1] < 0), round(float(t.std(ddof=1)), 6)
(True, True, 1.0)
"""
from __future__ import annotations

import numpy as np
import scipy.sparse as sp

__all__ = ["newton_pairs", "log_posterior", "theta_se", "estimate", "start_values"]

INNER_TOL, INNER_MAX, HALVINGS = 1e-8, 50, 30


def _exp_outer(u, v):
    """``exp(u_i v_j)`` as a dense matrix, computed in place."""
    out = np.multiply.outer(u, v)
    with np.errstate(over="ignore"):
        np.exp(out, out=out)
    return out


def newton_pairs(Y, fixed, x0, x1, v, wr, wc, p0, p1):
    """Maximise, independently for every column ``j`` of ``Y`` (n x m, sparse),
    ``f_j = wc_j Σ_i wr_i (y_ij η_ij - e^η_ij) - p0 x0_j²/2 - p1 x1_j²/2`` with
    ``η_ij = fixed_i + x0_j + v_i x1_j``, by Newton steps on ``(x0_j, x1_j)``; a step that
    would lower ``f_j`` is halved. Terms: ``Y`` as is (``fixed`` = α, ``v`` = θ, ``wc`` = 1/φ);
    documents: ``Y.T`` (``fixed`` = ψ, ``v`` = β, ``wr`` = 1/φ)."""
    Yt = Y.T.tocsr()
    c_fix = wc * (Yt @ (wr * fixed))
    c0 = wc * (Yt @ wr)
    c1 = wc * (Yt @ (wr * v))
    with np.errstate(over="ignore"):
        weights = np.vstack([wr * np.exp(fixed), wr * np.exp(fixed) * v,
                             wr * np.exp(fixed) * v * v])  # 3 x n

    def evaluate(a, b):
        with np.errstate(over="ignore", invalid="ignore"):
            # einsum, not BLAS: threaded BLAS on small products stalls on oversubscribed cores
            S = np.einsum("kn,nm->km", weights, _exp_outer(v, b)) * (wc * np.exp(a))
            f = c_fix + a * c0 + b * c1 - S[0] - 0.5 * (p0 * a * a + p1 * b * b)
        return S, np.where(np.isfinite(f), f, -np.inf)

    S, current = evaluate(x0, x1)
    for _ in range(INNER_MAX):
        g0, g1 = c0 - S[0] - p0 * x0, c1 - S[1] - p1 * x1
        h00, h01, h11 = -S[0] - p0, -S[1], -S[2] - p1
        det = h00 * h11 - h01 * h01
        d0, d1 = (h11 * g0 - h01 * g1) / det, (h00 * g1 - h01 * g0) / det
        step = np.ones_like(x0)
        n0, n1 = x0 - d0, x1 - d1
        new_S, new = evaluate(n0, n1)
        for _ in range(HALVINGS):
            worse = ~(new >= current - 1e-10 * np.abs(current))
            if not worse.any():
                break
            step = np.where(worse, step / 2, step)
            n0, n1 = x0 - step * d0, x1 - step * d1
            new_S, new = evaluate(n0, n1)
        change = np.maximum(np.abs(n0 - x0), np.abs(n1 - x1))
        x0, x1, S, current = n0, n1, new_S, new
        if not change.max() > INNER_TOL:
            break
    return x0, x1


def _lambda_sums(a, p, b, t, phi):
    """Per document: ``Σ_j λ_ij/φ_j``, ``Σ_j β_j λ_ij/φ_j``, ``Σ_j β_j² λ_ij/φ_j`` (N x 3)."""
    ep = np.exp(p) / phi
    E = _exp_outer(t, b)
    return np.einsum("nk,km->nm", E, np.column_stack([ep, ep * b, ep * b * b])) * np.exp(a)[:, None]


def log_posterior(Y, a, p, b, t, phi, prec) -> float:
    """``Σ_ij (y_ij η_ij - λ_ij) / φ_j`` minus the normal priors (precisions ``prec``)."""
    w = 1.0 / phi
    linear = a @ (Y @ w) + (p * w) @ np.asarray(Y.sum(axis=0)).ravel() + t @ (Y @ (b * w))
    ll = linear - _lambda_sums(a, p, b, t, phi)[:, 0].sum()
    return float(ll - 0.5 * sum(pr * np.sum(x ** 2) for pr, x in zip(prec, (a, p, b, t))))


def theta_se(a, p, b, t, phi, prec_alpha, prec_theta) -> np.ndarray:
    """The θ-θ element of the inverse negative Hessian of each document's (α_i, θ_i)."""
    S = _lambda_sums(a, p, b, t, phi)
    h00, h01, h11 = -S[:, 0] - prec_alpha, -S[:, 1], -S[:, 2] - prec_theta
    return np.sqrt(-h00 / (h00 * h11 - h01 ** 2))


def _dispersion(Y, a, p, b, t) -> np.ndarray:
    """Quasi-Poisson dispersion per term, ``max(1, Pearson χ²_j / (N - 2))``."""
    coo = Y.tocoo()
    lam_nz = np.exp(a[coo.row] + p[coo.col] + t[coo.row] * b[coo.col])
    y2_over_lam = np.bincount(coo.col, weights=coo.data ** 2 / lam_nz, minlength=Y.shape[1])
    lam_sum = np.exp(p) * (np.exp(a) @ _exp_outer(t, b))
    chi2 = y2_over_lam - 2 * np.asarray(Y.sum(axis=0)).ravel() + lam_sum
    return np.maximum(1.0, chi2 / max(Y.shape[0] - 2, 1))


def start_values(Y):
    """θ from correspondence analysis (first row standard coordinates, standardised),
    ``α_i = log(n_i / mean n)``, ``ψ_j = log(mean_i y_ij)``, β = 0."""
    from .ca import ca_svd

    U, _, _, r, _ = ca_svd(Y, n_dims=1)
    t = U[:, 0] / np.sqrt(r)
    t = (t - t.mean()) / t.std(ddof=1)
    rows = np.asarray(Y.sum(axis=1)).ravel()
    a = np.log(rows) - np.log(rows.mean())
    p = np.log(np.asarray(Y.mean(axis=0)).ravel())
    return a, p, np.zeros(Y.shape[1]), t


def estimate(Y, prec, tol, tol_theta, max_iter, dispersion):
    """Alternating passes until the log-posterior stops rising (module docs of
    :mod:`discourse.scaling.wordfish`). Returns ``(α, ψ, β, θ, φ, history, converged)``."""
    Y = sp.csr_matrix(Y, dtype=np.float64)
    N, K = Y.shape
    a, p, b, t = start_values(Y)
    phi = np.ones(K)
    ones_n = np.ones(N)
    history = [log_posterior(Y, a, p, b, t, phi, prec)]
    for _ in range(max_iter):
        t_last, w = t, 1.0 / phi
        p, b = newton_pairs(Y, a, p, b, t, ones_n, w, prec[1], prec[2])
        a, t = newton_pairs(Y.T, p, a, t, b, w, ones_n, prec[0], prec[3])
        a = a - a.mean()
        t = (t - t.mean()) / t.std(ddof=1)
        if dispersion == "quasipoisson":
            phi = _dispersion(Y, a, p, b, t)
        history.append(log_posterior(Y, a, p, b, t, phi, prec))
        if history[-1] - history[-2] <= tol or np.abs(t - t_last).max() <= tol_theta:
            return a, p, b, t, phi, history, True
    return a, p, b, t, phi, history, False
