const appKey = "Mx4vT8kQ2wZ7nL3pR9yB5cF1";
