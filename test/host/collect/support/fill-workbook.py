"""Fills a data-request workbook the way another program would: openpyxl, not our library.

Usage: fill-workbook.py <in.xlsx> <out.xlsx> <json>
json: {"values": {"<field id>": <number, text or "=formula">}, "qualifiers": {...}, "notes": {...},
       "respondent": "...", "phone": "...", "cells": {"B2": "edited"}}
Finds the columns by the header row (字段编号, 本年数值) and writes only the input cells, unless
"cells" names other cells to overwrite (to make a workbook edited outside its input cells).
"""
import json
import sys

import openpyxl

src, dst, spec = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
wb = openpyxl.load_workbook(src)
ws = wb["数据"]
header = {cell.value: cell.column for cell in ws[1]}
id_col, value_col = header["字段编号"], header["本年数值"]
qualifier_col = next(c for h, c in header.items() if h and h.startswith("限定词"))
note_col = header["备注"]
for row in range(2, ws.max_row + 1):
    field_id = ws.cell(row=row, column=id_col).value
    if field_id in spec.get("values", {}):
        ws.cell(row=row, column=value_col).value = spec["values"][field_id]
    if field_id in spec.get("qualifiers", {}):
        ws.cell(row=row, column=qualifier_col).value = spec["qualifiers"][field_id]
    if field_id in spec.get("notes", {}):
        ws.cell(row=row, column=note_col).value = spec["notes"][field_id]
    if field_id == "填报人" and "respondent" in spec:
        ws.cell(row=row, column=id_col + 1).value = spec["respondent"]
    if field_id == "联系电话" and "phone" in spec:
        ws.cell(row=row, column=id_col + 1).value = spec["phone"]
for ref, value in spec.get("cells", {}).items():
    ws[ref] = value
wb.save(dst)
