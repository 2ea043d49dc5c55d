"""The narrative: Part Two of the 决算说明 written from the model."""
