// Formatting: prettier's defaults (semicolons, trailing commas everywhere, parentheses round every arrow's
// parameters), which are already the code's conventions, plus the two the code differs on.
export default {
  printWidth: 120,
  singleQuote: true,
};
