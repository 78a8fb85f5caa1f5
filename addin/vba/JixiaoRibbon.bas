Attribute VB_Name = "JixiaoRibbon"
' The three buttons of the ribbon tab (customUI14.xml) of jixiao.xlam.
'
' Chinese text stays in string literals here; build.py writes each such literal
' as ChrW() calls, so that the module is plain ASCII inside the VBA project and
' reads the same under every Windows code page. Comments stay English.
Option Explicit

Private Const TOTAL_NAME As String = "JX_TotalScore"
Private Const GRADE_NAME As String = "JX_TotalGrade"

Public Sub JixiaoRecalc(control As IRibbonControl)
    ' Excel's own full recalculation: it also recomputes cells Excel thinks are
    ' clean, and the JX_ cells call Python through the UDF server. No new process.
    If ActiveWorkbook Is Nothing Then
        MsgBox "请先打开要重算的自评表。", vbInformation, "绩效自评"
        Exit Sub
    End If
    Application.CalculateFull
    Application.StatusBar = RecalcMessage(NamedValue(ActiveWorkbook, TOTAL_NAME), _
                                          NamedValue(ActiveWorkbook, GRADE_NAME))
    ClearStatusLater
End Sub

Public Sub JixiaoCheck(control As IRibbonControl)
    ' The checker is Python (jixiao_addin.check); RunPython is xlwings' own,
    ' and with "USE UDF SERVER" it runs in the server the JX_ cells started.
    If ActiveWorkbook Is Nothing Then
        MsgBox "请先打开要校验的自评表。", vbInformation, "绩效自评"
        Exit Sub
    End If
    RunPython "import jixiao_addin; jixiao_addin.check()"
    ClearStatusLater
End Sub

Public Sub JixiaoClearStatus()
    ' Excel keeps a macro's status bar text until it is set back to False.
    Application.StatusBar = False
End Sub

Private Sub ClearStatusLater()
    ' The message stays 15 seconds, then Excel's own status bar comes back (a stale
    ' total would otherwise show after later edits, and in other workbooks).
    On Error Resume Next
    Application.OnTime Now + TimeSerial(0, 0, 15), "'" & ThisWorkbook.Name & "'!JixiaoClearStatus"
    On Error GoTo 0
End Sub

Public Sub JixiaoHelp(control As IRibbonControl)
    ' The template made by `jixiao new` carries its own filling instructions.
    Dim message As String
    If Not ActiveWorkbook Is Nothing Then
        If HasSheet(ActiveWorkbook, "填写说明") Then
            ActiveWorkbook.Worksheets("填写说明").Activate
            Exit Sub
        End If
    End If
    message = "当前工作簿中没有“填写说明”工作表。" & vbCrLf & vbCrLf
    message = message & "填写说明在用 jixiao 模板生成的自评表里：" & vbCrLf
    message = message & "在命令提示符中运行 jixiao new 自评表.xlsx，" & vbCrLf
    message = message & "用 Excel 打开生成的文件，查看“填写说明”工作表。"
    MsgBox message, vbInformation, "绩效自评"
End Sub

Private Function RecalcMessage(total As Variant, grade As Variant) As String
    ' The status bar after a full recalculation: total score and grade.
    Dim shown As String
    RecalcMessage = "已全部重算"
    If IsError(total) Or IsEmpty(total) Or VarType(total) = vbString _
       Or VarType(total) = vbBoolean Then Exit Function
    If Not IsNumeric(total) Then Exit Function
    shown = Format$(CDbl(total), "0.00")
    Do While Right$(shown, 1) = "0"
        shown = Left$(shown, Len(shown) - 1)
    Loop
    If Not IsNumeric(Right$(shown, 1)) Then shown = Left$(shown, Len(shown) - 1)
    RecalcMessage = RecalcMessage & "：总分 " & shown
    If Not IsError(grade) Then
        If VarType(grade) = vbString And Len(grade) > 0 Then
            RecalcMessage = RecalcMessage & "，评分等级 " & grade
        End If
    End If
End Function

Private Function NamedValue(wb As Workbook, name As String) As Variant
    ' The first cell of a defined name, or Empty when the name is missing.
    NamedValue = Empty
    On Error Resume Next
    NamedValue = wb.Names(name).RefersToRange.Cells(1, 1).Value
    On Error GoTo 0
End Function

Private Function HasSheet(wb As Workbook, sheetName As String) As Boolean
    Dim sheet As Object
    For Each sheet In wb.Worksheets
        If sheet.Name = sheetName Then
            HasSheet = True
            Exit Function
        End If
    Next sheet
End Function
