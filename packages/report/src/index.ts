// @stibium/report public API: explicit named exports only.
