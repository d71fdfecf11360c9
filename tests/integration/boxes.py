"""Text boxes read from the page (``getBoundingClientRect``), and what a reader would see wrong with them."""


def overlaps(boxes, slack=0.5):
    """The pairs of texts whose boxes overlap by more than ``slack`` pixels, in both directions."""
    found = []
    ordered = sorted(boxes, key=lambda b: b["left"])
    for index, box in enumerate(ordered):
        for other in ordered[index + 1 :]:
            if other["left"] >= box["right"] - slack:
                break
            if other["top"] < box["bottom"] - slack and other["bottom"] > box["top"] + slack:
                found.append((box["text"], other["text"]))
    return found
