# 问需于民：居民问卷（回答、组织者建问卷与看结果、纸质问卷录入）

menu-surveys = 📝 问卷调查
cmd-surveys = 参加问卷调查
cmd-survey = 问卷：新建、发布、结果、导出
cmd-paper = 录入纸质问卷

survey-none-open = 目前没有您可以参加的问卷。有新问卷时我们会通知您。
survey-open-list = 📝 正在进行的问卷，点一下开始或继续：
survey-list-answering = （未填完，点此继续）
survey-list-submitted = （已提交，可修改）
survey-list-participated = （已提交）

survey-title = 📝 <b>{ $title }</b>
survey-anonymous-note = 🔒 本问卷匿名：提交后，您的回答与您的身份不再有任何关联，工作人员看不到是谁填的，提交后也无法再修改。
survey-named-note = 本问卷记名：工作人员能看到是谁的回答。问卷开放期间，提交后仍可修改。
survey-progress = 第{ $number }题，共{ $total }题
survey-question = <b>{ $text }</b>
survey-hint-single = 请选一项：
survey-hint-multiple = 可以选多项（最多{ $most }项），选好后点“选好了”：
survey-hint-rating = 请打分：1 分最不满意，5 分最满意。
survey-hint-ranking = 请按您的喜欢程度，从最想要的开始依次点选：
survey-hint-text = 请直接打字回答，发给我就行。
survey-ranked-so-far = 已排好：{ $order }
survey-say-other = ✏️ 请打字说明“其他”是什么。
survey-your-text = 您的回答：{ $text }
survey-other = 其他（请说明）
survey-skipped = （未回答）

survey-profile-committee = 您住在哪个居委会？
survey-profile-building = 您住在哪栋楼？
survey-profile-age_band = 您的年龄段是？

survey-button-open = 📝 开始填写
survey-button-done = ✅ 选好了
survey-button-keep = ✅ 不改，下一题
survey-button-reset = 🔄 重新排
survey-button-skip = ⏭ 跳过这题
survey-button-back = ⬅️ 上一题
survey-button-send = ✅ 提交
survey-button-send-keep = ✅ 提交，并记住我的居委会、楼栋和年龄段

survey-check-title = 📋 <b>{ $title }</b>：请核对您的回答
survey-check-line = { $number }. { $question }
    → { $answer }
survey-check-anonymous = 🔒 匿名问卷：提交后，回答与您的身份不再关联，也不能再修改。
survey-check-named = 没问题就点“提交”。问卷开放期间还可以回来修改。
survey-check-paper = 📄 这是一份纸质问卷，没问题就点“提交”。

survey-sent-sent = 🙏 谢谢您！《{ $title }》已提交。问卷开放期间，发 /surveys 可以修改。
survey-sent-changed = ✅ 已保存您的修改（《{ $title }》）。
survey-sent-sent-anonymous = 🙏 谢谢您！匿名问卷《{ $title }》已提交。您的回答与您的身份已不再关联。
survey-sent-changed-anonymous = ✅ 已保存（《{ $title }》）。
survey-sent-paper = 📄 纸质问卷已录入（《{ $title }》）。再录一份请发 /paper。

survey-refused-not-open = 这份问卷现在没有开放。
survey-refused-not-for-you = 这份问卷不是面向您的，谢谢关注。
survey-refused-anonymous-sent = 您已经提交过这份匿名问卷。匿名回答和您的身份没有关联，所以无法再查看或修改。
survey-refused-gone = 这个按钮已经失效了。
survey-refused-not-current = 这道题已经答过了，请看最新的一条消息。
survey-refused-too-many = 这题最多只能选这么多项。要换一个，请先点掉已选的。
survey-refused-need-answer = 这题还需要回答，请选一项或打字回答。
survey-refused-bad-text = 请用文字回答，不超过 500 个字。

survey-invitation = 📝 <b>{ $title }</b>
    邀请您参加问卷调查，您的意见会决定中心接下来做什么。
    开放时间：{ $closes }
survey-reminder = ⏰ 提醒：问卷《{ $title }》快结束了，您还没有填完。
    开放时间：{ $closes }

# 组织者
survey-organiser-list = 📝 问卷（最新的在前），点一份查看：
survey-organiser-empty = 还没有问卷。点“新建问卷”开始。
survey-button-new = ➕ 新建问卷
survey-new-help =
    把问卷做成 YAML 或 CSV 文件发给我（UTF-8 编码）。例子：
    <pre>title:
      zh: 社区需求调查
      en: Community needs
    opens: 2026-03-02 10:00
    closes: 2026-03-09 18:00
    audience: everyone
    anonymous: false
    profile:
      committees:
        - 长风一村
        - 长风二村
      age: true
    questions:
      - id: need
        type: single
        text:
          zh: 您最希望中心增加什么？
          en: "What should the centre add?"
        options: ["食堂 / Canteen", "健康驿站 / Health station"]
        other: true
      - type: rating
        text:
          zh: 您对现在的服务打几分？
          en: "How do you rate our service?"
        show_if: {"{"}question: need, answer: [1]{"}"}</pre>
    题型：single（单选）、multiple（多选，max 限制项数）、rating（1–5 打分）、ranking（排序，2–5 项）、text（简短文字）。other: true 加“其他（请说明）”；optional: true 可跳过；show_if 按前面某题的答案决定是否出现。
    对象 audience：everyone、topic:health、course:3（课程编号）、event:5（活动编号）。
survey-file-problems = ⚠️ 文件里有 { $count } 处问题，问卷没有保存：
survey-problem-not-a-survey = 文件内容不是一份问卷。
survey-problem-missing-text = { $where }：缺少中文或英文文字。
survey-problem-too-long = { $where }：文字太长（最多 { $detail } 个字）。
survey-problem-bad-time = { $where }：时间“{ $detail }”看不懂，请写成 2026-03-02 10:00。
survey-problem-bad-audience = 对象“{ $detail }”看不懂：请写 everyone、topic:health、course:3 或 event:5。
survey-problem-bad-profile = { $where }：基本信息（profile）的写法不对。
survey-problem-no-options = { $where }：这道题需要选项。
survey-problem-option-count = { $where }：选项数量不对（最多 { $detail } 个；排序题至少 2 个）。
survey-problem-bad-question = { $where }：这道题的写法不对。
survey-problem-bad-type = { $where }：没有“{ $detail }”这种题型。
survey-problem-bad-max = { $where }：max 必须在 1 和选项数之间（写的是 { $detail }）。
survey-problem-other-not-choice = { $where }：只有单选和多选题能加“其他”。
survey-problem-bad-show-if = { $where }：show_if 必须指向前面的单选或多选题，并写出它的选项编号。
survey-problem-bad-flag = { $where }：请写 true 或 false。
survey-problem-closes-before-opens = 结束时间必须在开始时间之后。
survey-problem-no-questions = 问卷里没有题目。
survey-problem-too-many-questions = 题目太多了（最多 { $detail } 道）。
survey-problem-csv-header = CSV 第一行必须是列名：{ $detail }
survey-problem-file-too-big = 文件太大了（最多 { $detail } KB）。
survey-problem-not-utf8 = 文件不是 UTF-8 编码，请另存为 UTF-8 再发。
survey-problem-file-type = 只收 .yaml、.yml 或 .csv 文件。
survey-problem-yaml = YAML 格式有错（第 { $where } 行附近）。

survey-card =
    📝 <b>{ $title }</b>
    状态：{ $status }
    开放：{ $when }
    对象：{ $audience }
    匿名：{ $anonymous }
    题目：{ $questions } 道 · 已收到：{ $count } 份
survey-status-draft = 📝 草稿
survey-status-published = 🟢 已发布
survey-status-closed = 🔒 已结束
survey-yes = 是
survey-no = 否
survey-audience-everyone = 所有居民
survey-audience-topic = 关注“{ $param }”的居民
survey-audience-course = 课程 #{ $param } 的学员
survey-audience-event = 活动 #{ $param } 的报名者
survey-button-preview = 👀 预览
survey-button-publish = 📣 发布
survey-button-results = 📊 结果
survey-button-export = 📥 导出 Excel 和 CSV
survey-button-close = 🔒 立即结束
survey-button-crosstab = 📊 按“{ $by }”分组看

survey-preview-head =
    👀 <b>预览</b>
    { $zh } / { $en }
    开放：{ $when }
    对象：{ $audience } · 匿名：{ $anonymous } · 共 { $count } 题
survey-preview-question = <b>{ $number }.</b> [{ $kind }]
    { $zh }
    { $en }
survey-kind-single = 单选
survey-kind-multiple = 多选
survey-kind-rating = 打分
survey-kind-ranking = 排序
survey-kind-text = 文字
survey-crosstab-question = <b>{ $number }. { $text }</b>
survey-preview-profile = <b>{ $number }.</b> [基本信息] { $text }
survey-preview-optional = （可跳过）
survey-preview-branch = （只在第 { $question } 题选了 { $options } 时出现）
survey-preview-as-resident = 居民看到的第一题是这样的：
survey-preview-end = 预览完毕。没问题就发布。

survey-publish-published = 已发布。开放时会邀请对象里的居民。
survey-publish-not-draft = 这份问卷已经发布过了。
survey-publish-ended = 结束时间已经过了，请改时间后重新上传。
survey-close-not-open = 这份问卷没有在进行中。
survey-closed = 问卷已结束，汇总已发给组织者。

survey-results-head =
    📊 <b>{ $title }</b>
    开放：{ $when }
    共 { $count } 份（其中纸质 { $paper } 份）
survey-summary-head =
    🔒 <b>问卷已结束：{ $title }</b>
    开放：{ $when }
    共 { $count } 份（其中纸质 { $paper } 份）
survey-result-question = <b>{ $number }. { $text }</b>（{ $answered } 人回答）
survey-result-average = 平均 { $average } 分
survey-result-rank = { $place }. { $option }（平均第 { $average } 位）
survey-result-words = 常见词：{ $words }
survey-list-separator = {"、"}
survey-result-word = { $word }（{ $count }）
survey-result-bar = { $bar } { $count }（{ $percent }%）{ $option }
survey-result-sample = · “{ $text }”
survey-chart-caption = 📊 各题结果
survey-chart-count = 人数
survey-chart-rank = 偏好（越长越靠前）
survey-chart-title = 问卷结果
survey-crosstab-offer = 按基本信息分组查看：
survey-crosstab-head = 📊 按“{ $by }”分组（少于 { $small } 人的格子不显示，记为“—”）
survey-crosstab-row = { $group }（{ $total } 人）：{ $cells }
survey-crosstab-hidden = { $group }：少于 { $small } 人，不显示
survey-crosstab-none = 这份问卷没有可分组的题目。
survey-export-caption = 📥 共 { $count } 份回答，每份一行。

survey-paper-pick = 📄 录入哪份问卷的纸质答卷？
survey-paper-none = 目前没有可以录入的问卷。
survey-paper-banner = 📄 <b>纸质问卷录入</b>

# 每日汇总 / daily digest
survey-digest-head = 📝 <b>问卷进行中：{ $title }</b>
    已收到 { $count } 份（其中纸质 { $paper } 份）· { $when }
survey-digest-top = { $number }. { $question } 选得最多：{ $option }（{ $count } 人）
