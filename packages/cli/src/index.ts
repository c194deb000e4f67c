// @stibium/cli public API: explicit named exports only.
