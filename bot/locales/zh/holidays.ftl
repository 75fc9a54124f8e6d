# 节假日：法定假日、国务院通知（调休）、管理员录入

cmd-holidays = 查看和录入节假日安排

holidays-title = 📅 <b>{ $year }年节假日安排</b>
holidays-source = 来源：{ $source }
holidays-source-staff = 管理员在机器人里录入的国务院通知
holidays-source-file = 中心数据文件（centre.yaml）
holidays-source-package = 节假日数据包（chinesecalendar）
holidays-source-statutory = 仅法定假日（当年通知还没录入）
holidays-source-entered = { $source }，{ $who }
holidays-entered-by = { $who }于{ $date }录入
holidays-block = 🎉 { $festival }：{ $span }，共{ $days }天
holidays-span = { $start }至{ $end }
holidays-workday = 🔁 { $festival }调休上班：{ $date }，按{ $weekday }的时间开放
holidays-statutory-only = 以上只是法规规定的法定假日。{ $year }年的放假调休安排（连休和补班）要等国务院通知，录入后才会生效。
holidays-list-separator = 、
holidays-usage = 用法：/holidays 或 /holidays 2027（年份）。
holidays-alarm = ⚠️ { $year }年的放假调休安排还没录入。在此之前，机器人只按法定假日回答，节假日前后几天会提醒居民安排可能调整。
holidays-alarm-action = 国务院通知发布后，请发送 /holidays { $year } 录入。
holidays-admin-hint = 管理员可以点下面的按钮逐项录入{ $year }年的通知，也可以在录入过程中直接发送 YAML 或 CSV 文件（格式见 docs/hours.md）。
holidays-enter-button = ✏️ 录入{ $year }年通知
holidays-enter-intro = 开始录入{ $year }年的放假通知。一共7项，每项按通知原文输入放假日期和调休上班日期。随时发送 /cancel 放弃。
holidays-step = <b>第{ $index }项，共{ $total }项：{ $festival }</b>
    法定假日：{ $statutory }
    请照通知输入放假日期和调休上班日期，例如：{ $example }
    如果只放法定的那几天、没有调休，请回复“法定”。
holidays-preview = 请核对，确认无误后点“保存”，保存后立即生效：
holidays-save-button = ✅ 保存
holidays-cancel-button = ❌ 取消
holidays-saved = ✅ { $year }年的放假安排已保存，已经生效。
holidays-cancelled = 已取消，什么都没有保存。
holidays-need-text = 请输入文字，或者发送 YAML／CSV 文件。
holidays-example = “{ $start }至{ $end }放假，{ $workday }上班”
holidays-press-a-button = 请点下面的“保存”或“取消”。
holidays-file-refused = 只能接收 20KB 以内的 .yaml、.yml 或 .csv 文件。

holidays-error-unreadable = { $line }：没看懂“{ $detail }”，请写成“2月5日至11日放假，2月20日（周六）上班”这样。
holidays-error-bad-date = { $line }：日期“{ $detail }”不存在，请检查。
holidays-error-range-reversed = { $line }：{ $date }至{ $second }前后颠倒了，请把早的日期写在前面。
holidays-error-wrong-weekday = { $line }：{ $date }，不是“{ $detail }”，请核对通知。
holidays-error-other-year = { $line }：{ $date }不在{ $year }年里。
holidays-error-workday-not-weekend = { $line }：调休上班日{ $date }不是周末，请检查。
holidays-error-workday-far = { $line }：调休上班日{ $date }离这个节日太远了，请检查。
holidays-error-missing-statutory = { $line }：没有包括法定假日{ $date }，请检查。
holidays-error-overlap = { $line }：放假日期包括了{ $festival }的法定假日{ $date }，请检查是不是填错了节日。
holidays-error-too-long = { $line }：从{ $date }到{ $second }放假时间太长了，请检查。
holidays-error-both = { $line }：{ $date }既是放假又是上班，请检查。
holidays-error-unknown-festival = { $line }：不认识的节日“{ $detail }”。可用：元旦、春节、清明、劳动节、端午、中秋、国庆。
holidays-error-bad-file = { $line }：文件读不了，请检查格式（YAML 或 CSV，UTF-8 编码）。
holidays-error-bad-weekday = { $line }：“{ $detail }”不是星期（mon 到 sun）。
holidays-error-no-year = { $line }：没有写年份。
holidays-error-year-mismatch = { $line }：文件里的年份是{ $detail }，现在录入的是{ $year }年。
