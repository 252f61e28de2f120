import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'coverage', 'public/vendor'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      // Data text must never reach the DOM as HTML (see DESIGN §1, panels).
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Use textContent: data text is never parsed as HTML.' },
        { property: 'outerHTML', message: 'Use textContent: data text is never parsed as HTML.' },
        { property: 'insertAdjacentHTML', message: 'Build DOM nodes instead.' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
);
