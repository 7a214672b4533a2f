"""Files out: PDFs (reportlab) and workbooks (openpyxl). Qt-free."""
