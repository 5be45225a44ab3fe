"""The preview every document opens in before it is printed, saved or published: pages
shown by QtPdf, page by page or scrolled, at the page's width or zoomed."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRect, QSize, Qt
from PySide6.QtGui import QAction, QKeySequence, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMainWindow,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop_app.errors import ValidationError
from desktop_app.publishing import write_atomically
from desktop_app.services.settings import get_setting, set_setting
from ui.errors import show_error
from ui.icons import icon
from ui.shortcuts import PUBLISH_SHORTCUT
from ui.signature_badge import SignatureBadge

SAVE_FOLDER = "save_folder"
ZOOM_STEP = 1.25
ZOOM_RANGE = (0.25, 5.0)
# Pages go to the printer as images at up to this resolution: sharp on paper, and an A4
# page stays near 35 MB while it is drawn, one page at a time.
PRINT_DPI = 300


def open_pdf_file(parent: QWidget) -> PdfPreview | None:
    """Ask for a PDF on disk and show it in a preview: a signed file (minutes from another
    council, or a copy kept elsewhere) says at once whether its signature holds."""
    folder = get_setting(SAVE_FOLDER) or str(Path.home())
    chosen, _ = QFileDialog.getOpenFileName(parent, "Open a PDF", folder, "PDF documents (*.pdf)")
    if not chosen:
        return None
    path = Path(chosen)
    try:
        data = path.read_bytes()
    except OSError as error:
        show_error(parent, ValidationError(f"{path} cannot be read ({error.strerror})."))
        return None
    if b"%PDF-" not in data[:1024]:  # where every PDF announces itself
        show_error(parent, ValidationError(f"{path.name} is not a PDF document."))
        return None
    preview = PdfPreview(data, title=path.name, file_name=path.name, parent=parent)
    preview.show()
    return preview


class PdfPreview(QMainWindow):
    """A document's pages with Print (Ctrl+P), Save as (Ctrl+S) and, for a public edition,
    Publish. Not modal: the clerk can keep working beside it."""

    def __init__(
        self,
        data: bytes,
        *,
        title: str,
        file_name: str,
        publish: Callable[[bytes], None] | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(title)
        self.resize(900, 1000)
        self.data, self.file_name, self._publish = data, file_name, publish
        # QPdfDocument reads from the buffer for as long as it is open: both live with us.
        self._bytes = QByteArray(data)
        self._buffer = QBuffer(self._bytes, self)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(self)
        self.document.load(self._buffer)

        self.view = QPdfView(self)
        self.view.setObjectName("pdfView")
        self.view.setAccessibleName("Pages of the document")
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setDocument(self.document)
        # A signed file says above its pages whether the signature holds (issue 7); the
        # check runs off the GUI thread, and an unsigned file shows nothing.
        self.badge = SignatureBadge()
        page_area = QWidget()
        column = QVBoxLayout(page_area)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.badge)
        column.addWidget(self.view, 1)
        self.setCentralWidget(page_area)
        self.badge.show_pdf(data)

        self.page_box = QSpinBox()
        self.page_box.setObjectName("pageNumber")
        self.page_box.setAccessibleName("Page number")
        self.page_box.setRange(1, max(1, self.page_count()))
        self.page_box.setKeyboardTracking(False)
        self.page_box.valueChanged.connect(lambda n: self.go_to(n - 1))
        self.of_pages = QLabel(f" of {self.page_count()} ")
        self.view.pageNavigator().currentPageChanged.connect(self._show_page)
        self._build_actions()
        self.statusBar().showMessage(f"{self.page_count()} pages · {file_name}")

    def page_count(self) -> int:
        return self.document.pageCount()

    def current_page(self) -> int:
        return self.view.pageNavigator().currentPage()

    # -- moving and zooming -----------------------------------------------------------------

    def go_to(self, page: int) -> None:
        page = min(max(page, 0), self.page_count() - 1)
        if page != self.current_page():
            self.view.pageNavigator().jump(page, QPointF(), self.view.zoomFactor())

    def zoom_by(self, factor: float) -> None:
        low, high = ZOOM_RANGE
        # From "fit width" the zoom starts at what the page's width gives now.
        zoom = min(max(self._shown_zoom() * factor, low), high)
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(zoom)

    def fit_width(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)

    def _shown_zoom(self) -> float:
        if self.view.zoomMode() == QPdfView.ZoomMode.Custom or self.page_count() == 0:
            return self.view.zoomFactor()
        points = self.document.pagePointSize(max(self.current_page(), 0))
        pixels = points.width() * self.view.logicalDpiX() / 72
        available = self.view.viewport().width() - 2 * self.view.documentMargins().left()
        return available / pixels if pixels else 1.0

    def _show_page(self, page: int) -> None:
        self.page_box.blockSignals(True)
        self.page_box.setValue(page + 1)
        self.page_box.blockSignals(False)

    # -- printing ---------------------------------------------------------------------------

    def print_document(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.windowTitle())
        dialog = QPrintDialog(printer, self)
        dialog.setMinMax(1, self.page_count())
        if dialog.exec() == QPrintDialog.DialogCode.Accepted:
            self.print_to(printer)

    def print_to(self, printer: QPrinter) -> None:
        """Draw the pages the printer asks for (all, or its from–to range) onto it."""
        first = printer.fromPage() or 1
        last = printer.toPage() or self.page_count()
        printer.setFullPage(True)  # the PDF's pages carry their own margins
        painter = QPainter()
        if not painter.begin(printer):
            show_error(self, ValidationError("The printer could not be started."))
            return
        try:
            for number in range(first, last + 1):
                if number > first:
                    printer.newPage()
                self._paint_page(painter, printer, number - 1)
        finally:
            painter.end()
        self.statusBar().showMessage(f"Sent {last - first + 1} pages to the printer.", 8000)

    def _paint_page(self, painter: QPainter, printer: QPrinter, page: int) -> None:
        dpi = min(printer.resolution(), PRINT_DPI)
        points = self.document.pagePointSize(page)
        size = QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72))
        image = self.document.render(page, size)
        area = printer.paperRect(QPrinter.Unit.DevicePixel).toRect()
        # Keep the page's shape, centred on the paper (an A4 page on US Letter, say).
        scaled = size.scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
        left = area.x() + (area.width() - scaled.width()) // 2
        top = area.y() + (area.height() - scaled.height()) // 2
        painter.drawImage(QRect(left, top, scaled.width(), scaled.height()), image)

    # -- saving and publishing --------------------------------------------------------------

    def save_as(self) -> None:
        folder = get_setting(SAVE_FOLDER) or str(Path.home())
        chosen, _ = QFileDialog.getSaveFileName(
            self, "Save as", str(Path(folder) / self.file_name), "PDF documents (*.pdf)"
        )
        if not chosen:
            return
        path = Path(chosen)
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        try:
            write_atomically(path, self.data)
        except ValidationError as error:
            show_error(self, error)
            return
        set_setting(SAVE_FOLDER, str(path.parent))
        self.statusBar().showMessage(f"Saved {path}.", 8000)

    def publish(self) -> None:
        if self._publish is not None:
            self._publish(self.data)

    # -- assembly ---------------------------------------------------------------------------

    def _build_actions(self) -> None:
        def action(text, meaning, shortcuts, slot) -> QAction:
            made = QAction(icon(meaning), text, self)
            made.setShortcuts([QKeySequence(s) for s in shortcuts])
            made.triggered.connect(slot)
            self.addAction(made)  # shortcuts work wherever the focus is in this window
            return made

        self.print_action = action("&Print…", "print", ["Ctrl+P"], self.print_document)
        self.save_action = action("&Save as…", "save", ["Ctrl+S"], self.save_as)
        self.publish_action = action("P&ublish…", "upload", [PUBLISH_SHORTCUT], self.publish)
        self.publish_action.setVisible(self._publish is not None)
        self.previous_action = action(
            "Previous page", "previous page", ["PgUp"], lambda: self.go_to(self.current_page() - 1)
        )
        self.next_action = action(
            "Next page", "next page", ["PgDown"], lambda: self.go_to(self.current_page() + 1)
        )
        self.zoom_in_action = action(
            "Zoom in", "zoom in", ["Ctrl++", "Ctrl+="], lambda: self.zoom_by(ZOOM_STEP)
        )
        self.zoom_out_action = action(
            "Zoom out", "zoom out", ["Ctrl+-"], lambda: self.zoom_by(1 / ZOOM_STEP)
        )
        self.fit_action = action("Fit width", "fit width", ["Ctrl+0"], self.fit_width)
        close = QAction("Close", self)
        close.setShortcuts([QKeySequence("Ctrl+W"), QKeySequence("Esc")])
        close.triggered.connect(self.close)
        self.addAction(close)

        toolbar = self.addToolBar("Preview")
        toolbar.setObjectName("previewToolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.addActions([self.print_action, self.save_action, self.publish_action])
        toolbar.addSeparator()
        toolbar.addAction(self.previous_action)
        toolbar.addWidget(self.page_box)
        toolbar.addWidget(self.of_pages)
        toolbar.addAction(self.next_action)
        toolbar.addSeparator()
        toolbar.addActions([self.zoom_out_action, self.zoom_in_action, self.fit_action])
        icons_only = (
            self.previous_action,
            self.next_action,
            self.zoom_out_action,
            self.zoom_in_action,
            self.fit_action,
        )
        for made in icons_only:
            toolbar.widgetForAction(made).setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
            made.setToolTip(f"{made.text()} ({made.shortcut().toString()})")
