// STUB: replaced by the text stage's UTF-8 helpers.
