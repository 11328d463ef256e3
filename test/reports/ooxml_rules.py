# The OOXML schema rules our documents rely on, checked part by part with lxml (an independent XML
# reader), then every file opened by python-docx / openpyxl with warnings turned into errors.
# Usage: python3 ooxml_rules.py FILE.docx|FILE.xlsx ...   Prints a JSON list of problems (empty: all good).
import json
import re
import sys
import warnings
import zipfile

from lxml import etree

W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'
S = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'

# ECMA-376 Part 1 (transitional) sequences of the elements we write; children must come in this order.
SEQUENCES = {
    (W, 'pPr'): ['pStyle', 'keepNext', 'keepLines', 'pageBreakBefore', 'framePr', 'widowControl', 'numPr',
                 'suppressLineNumbers', 'pBdr', 'shd', 'tabs', 'suppressAutoHyphens', 'kinsoku', 'wordWrap',
                 'overflowPunct', 'topLinePunct', 'autoSpaceDE', 'autoSpaceDN', 'bidi', 'adjustRightInd',
                 'snapToGrid', 'spacing', 'ind', 'contextualSpacing', 'mirrorIndents', 'suppressOverlap', 'jc',
                 'textDirection', 'textAlignment', 'textboxTightWrap', 'outlineLvl', 'divId', 'cnfStyle', 'rPr',
                 'sectPr', 'pPrChange'],
    (W, 'rPr'): ['rStyle', 'rFonts', 'b', 'bCs', 'i', 'iCs', 'caps', 'smallCaps', 'strike', 'dstrike', 'outline',
                 'shadow', 'emboss', 'imprint', 'noProof', 'snapToGrid', 'vanish', 'webHidden', 'color', 'spacing',
                 'w', 'kern', 'position', 'sz', 'szCs', 'highlight', 'u', 'effect', 'bdr', 'shd', 'fitText',
                 'vertAlign', 'rtl', 'cs', 'em', 'lang', 'eastAsianLayout', 'specVanish', 'oMath', 'rPrChange'],
    (W, 'sectPr'): ['headerReference|footerReference', 'footnotePr', 'endnotePr', 'type', 'pgSz', 'pgMar',
                    'paperSrc', 'pgBorders', 'lnNumType', 'pgNumType', 'cols', 'formProt', 'vAlign', 'noEndnote',
                    'titlePg', 'textDirection', 'bidi', 'rtlGutter', 'docGrid', 'printerSettings', 'sectPrChange'],
    (W, 'tblPr'): ['tblStyle', 'tblpPr', 'tblOverlap', 'bidiVisual', 'tblStyleRowBandSize', 'tblStyleColBandSize',
                   'tblW', 'jc', 'tblCellSpacing', 'tblInd', 'tblBorders', 'shd', 'tblLayout', 'tblCellMar', 'tblLook',
                   'tblCaption', 'tblDescription'],
    (W, 'tcPr'): ['cnfStyle', 'tcW', 'gridSpan', 'hMerge', 'vMerge', 'tcBorders', 'shd', 'noWrap', 'tcMar',
                  'textDirection', 'tcFitText', 'vAlign', 'hideMark'],
    (W, 'tbl'): ['tblPr', 'tblGrid', 'tr'],
    (W, 'tr'): ['tblPrEx', 'trPr', 'tc'],
    (W, 'tc'): ['tcPr', 'p|tbl'],
    (W, 'style'): ['name', 'aliases', 'basedOn', 'next', 'link', 'autoRedefine', 'hidden', 'uiPriority', 'semiHidden',
                   'unhideWhenUsed', 'qFormat', 'locked', 'personal', 'personalCompose', 'personalReply', 'rsid',
                   'pPr', 'rPr', 'tblPr', 'trPr', 'tcPr', 'tblStylePr'],
    (W, 'pBdr'): ['top', 'left', 'bottom', 'right', 'between', 'bar'],
    (W, 'tblBorders'): ['top', 'left|start', 'bottom', 'right|end', 'insideH', 'insideV'],
    (W, 'tblCellMar'): ['top', 'left|start', 'bottom', 'right|end'],
    (W, 'docDefaults'): ['rPrDefault', 'pPrDefault'],
    (S, 'worksheet'): ['sheetPr', 'dimension', 'sheetViews', 'sheetFormatPr', 'cols', 'sheetData', 'sheetCalcPr',
                       'sheetProtection', 'protectedRanges', 'scenarios', 'autoFilter', 'sortState', 'dataConsolidate',
                       'customSheetViews', 'mergeCells', 'phoneticPr', 'conditionalFormatting', 'dataValidations',
                       'hyperlinks', 'printOptions', 'pageMargins', 'pageSetup', 'headerFooter', 'rowBreaks',
                       'colBreaks', 'customProperties', 'cellWatches', 'ignoredErrors', 'smartTags', 'drawing',
                       'legacyDrawing', 'legacyDrawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems',
                       'tableParts', 'extLst'],
    (S, 'workbook'): ['fileVersion', 'fileSharing', 'workbookPr', 'workbookProtection', 'bookViews', 'sheets',
                      'functionGroups', 'externalReferences', 'definedNames', 'calcPr', 'oleSize',
                      'customWorkbookViews', 'pivotCaches', 'smartTagPr', 'smartTagTypes', 'webPublishing',
                      'fileRecoveryPr', 'webPublishObjects', 'extLst'],
    (S, 'styleSheet'): ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs',
                        'tableStyles', 'colors', 'extLst'],
    (S, 'xf'): ['alignment', 'protection', 'extLst'],
    (S, 'border'): ['start|left', 'end|right', 'top', 'bottom', 'diagonal', 'vertical', 'horizontal'],
    (S, 'headerFooter'): ['oddHeader', 'oddFooter', 'evenHeader', 'evenFooter', 'firstHeader', 'firstFooter'],
    (S, 'row'): ['c', 'extLst'],
    (S, 'c'): ['f', 'v', 'is', 'extLst'],
}

# WordprocessingML attributes typed ST_TwipsMeasure, ST_SignedTwipsMeasure, ST_HpsMeasure, ST_DecimalNumber,
# ST_EighthPointMeasure …: integers (Word and python-docx refuse "694.8").
W_INTEGER_ATTRS = {'w', 'h', 'top', 'bottom', 'left', 'right', 'start', 'end', 'header', 'footer', 'gutter', 'line',
                   'before', 'after', 'beforeLines', 'afterLines', 'firstLine', 'hanging', 'firstLineChars',
                   'hangingChars', 'leftChars', 'rightChars', 'linePitch', 'charSpace', 'space', 'sz', 'pos',
                   'num', 'start', 'ilvl', 'numId', 'gridSpan', 'val'}
# w:val holds an integer on these elements
W_INTEGER_VAL = {'sz', 'szCs', 'kern', 'spacing', 'position', 'outlineLvl', 'gridSpan', 'uiPriority', 'w'}
# SpreadsheetML attributes typed xsd:unsignedInt / xsd:int
S_INTEGER_ATTRS = {('row', 'r'), ('col', 'min'), ('col', 'max'), ('xf', 'numFmtId'), ('xf', 'fontId'), ('xf', 'fillId'),
                   ('xf', 'borderId'), ('xf', 'xfId'), ('pageSetup', 'paperSize'), ('pageSetup', 'scale'),
                   ('pageSetup', 'fitToWidth'), ('pageSetup', 'fitToHeight'), ('brk', 'id'), ('brk', 'min'),
                   ('brk', 'max'), ('sheet', 'sheetId'), ('numFmt', 'numFmtId'), ('c', 's')}
INTEGER = re.compile(r'^-?\d+$')


def local(tag):
    return etree.QName(tag).localname if isinstance(tag, str) else None


def check_sequence(el, order, where, problems):
    last = -1
    for child in el:
        name = local(child.tag)
        if name is None or etree.QName(child.tag).namespace != etree.QName(el.tag).namespace:
            continue
        idx = next((i for i, alts in enumerate(order) if name in alts.split('|')), None)
        if idx is None:
            continue
        if idx < last:
            problems.append(f'{where}: <{name}> out of order in <{local(el.tag)}>')
        last = max(last, idx)


def check_part(name, data, problems):
    try:
        root = etree.fromstring(data)
    except etree.XMLSyntaxError as e:
        problems.append(f'{name}: not well-formed XML: {e}')
        return
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        q = etree.QName(el.tag)
        order = SEQUENCES.get((q.namespace, q.localname))
        if order:
            check_sequence(el, order, name, problems)
        for attr, value in el.attrib.items():
            a = etree.QName(attr)
            if q.namespace == W and a.namespace == W:
                numeric = a.localname in W_INTEGER_ATTRS and (a.localname != 'val' or q.localname in W_INTEGER_VAL)
                if numeric and a.localname != 'val' and not INTEGER.match(value) and value not in ('auto',):
                    if not (q.localname in ('tblW', 'tcW', 'tblInd', 'top', 'left', 'bottom', 'right', 'start', 'end') and a.localname == 'w' and value.endswith('%')):
                        problems.append(f'{name}: <{q.localname} w:{a.localname}="{value}"> is not an integer')
                if a.localname == 'val' and q.localname in W_INTEGER_VAL and not INTEGER.match(value):
                    problems.append(f'{name}: <{q.localname} w:val="{value}"> is not an integer')
                # no decimal number anywhere in WordprocessingML attributes we write
                if re.match(r'^-?\d+\.\d+$', value):
                    problems.append(f'{name}: <{q.localname} w:{a.localname}="{value}"> is a decimal')
            if q.namespace == S and a.namespace is None and (q.localname, a.localname) in S_INTEGER_ATTRS and not INTEGER.match(value):
                problems.append(f'{name}: <{q.localname} {a.localname}="{value}"> is not an integer')
        if q.namespace == S and q.localname in ('oddHeader', 'oddFooter', 'evenHeader', 'evenFooter', 'firstHeader', 'firstFooter'):
            if el.text and not re.match(r'^&[LCR]', el.text):
                problems.append(f'{name}: <{q.localname}> "{el.text}" has no section code (&L, &C, &R)')


def open_with_reader(path, problems):
    with warnings.catch_warnings():
        warnings.simplefilter('error')
        try:
            if path.endswith('.docx'):
                import docx
                from docx.enum.style import WD_STYLE_TYPE
                d = docx.Document(path)
                for s in d.sections:
                    _ = (s.page_width, s.left_margin, s.footer.paragraphs)
                for p in d.paragraphs:
                    _ = (p.style, p.paragraph_format.line_spacing, p.paragraph_format.first_line_indent)
                for st in d.styles:
                    if st.type == WD_STYLE_TYPE.PARAGRAPH:
                        _ = (st.font.size, st.paragraph_format.line_spacing)
            else:
                import openpyxl
                wb = openpyxl.load_workbook(path)
                for ws in wb.worksheets:
                    _ = (ws.oddFooter.center.text, ws.print_title_rows, ws.page_setup.scale)
        except Exception as e:  # a warning raised as an error, or a reader's refusal
            problems.append(f'{path}: {type(e).__name__}: {e}')


def main(paths):
    problems = []
    for path in paths:
        with zipfile.ZipFile(path) as z:
            for n in z.namelist():
                if n.endswith('.xml') or n.endswith('.rels'):
                    check_part(f'{path}!{n}', z.read(n), problems)
        open_with_reader(path, problems)
    print(json.dumps(problems, ensure_ascii=False))


if __name__ == '__main__':
    main(sys.argv[1:])
