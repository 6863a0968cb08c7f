import js from '@eslint/js';
import ts from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import svelteConfig from './svelte.config.js';

export default ts.config(
	{ ignores: ['build/', '.svelte-kit/', 'node_modules/', 'bench-results/', 'test-results/', 'playwright-report/', 'static/', '*-tmp.mjs'] },
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } }
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts'],
		languageOptions: { parserOptions: { projectService: true, extraFileExtensions: ['.svelte'], parser: ts.parser, svelteConfig } }
	},
	{
		rules: {
			// Unused names are errors, except those marked as deliberately unused.
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }
			],
			// The typed-array loops write `kept && (sum += x)`: a statement, not a forgotten expression.
			'@typescript-eslint/no-unused-expressions': ['error', { allowShortCircuit: true, allowTernary: true }],
			// Links and goto() carry paths resolve()d where the views' links are built (the app layout), with the
			// filters' query appended, which the rule cannot follow.
			'svelte/no-navigation-without-resolve': 'off',
			// {' '} keeps a space between inline elements that the template's whitespace rules would drop.
			'svelte/no-useless-mustaches': 'off'
		}
	}
);
