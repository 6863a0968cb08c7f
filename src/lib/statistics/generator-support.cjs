// stdlib's sum-series asks whether `function*` is supported by evaluating one with eval(), which the app's
// Content-Security-Policy refuses (it allows no eval) and reports as a violation. Every browser the app runs
// in has generators: vite.config.ts puts this answer in place of @stdlib/assert-has-generator-support.
module.exports = function hasGeneratorSupport() {
	return true;
};
