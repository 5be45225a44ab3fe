from ui.icons import GLYPHS, SIZES, icon, path_of


def test_every_icon_is_baked_at_every_size(qapp):
    for meaning in GLYPHS:
        assert all(path_of(meaning, size).is_file() for size in SIZES), meaning
        assert not icon(meaning).isNull()
        assert len(icon(meaning).availableSizes()) == len(SIZES)
