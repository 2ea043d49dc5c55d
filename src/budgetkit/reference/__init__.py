"""Reference data: the functional and economic classifications, and the vocabulary of labels."""
