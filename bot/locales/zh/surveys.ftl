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
survey-press-an-option = 这一题请点下面的选项回答。想先做别的，直接发命令或点菜单就行，问卷会给您留着。
survey-set-aside = 好的，问卷先放一放，已经答的都保存着。想接着填，点“📝 问卷调查”或发送 /surveys。
survey-put-aside = 您的问卷先放一放，已经答的都保存着。想接着填，点“📝 问卷调查”或发送 /surveys。
survey-refused-too-many = 这题最多只能选这么多项。要换一个，请先点掉已选的。
survey-refused-need-answer = 这题还需要回答，请选一项或打字回答。
survey-refused-bad-text = 请用文字回答，不超过 500 个字。
survey-refused-too-long = 不好意思，这道题最多写 { $limit } 个字，您写了 { $length } 个字，还没有保存。您写的内容我原样发在下面，复制下来删短一些再发就行。

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
    { $title }
    开放：{ $when }
    对象：{ $audience } · 匿名：{ $anonymous } · 共 { $count } 题
survey-preview-question = <b>{ $number }.</b> [{ $kind }]
    { $text }
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

# 在聊天里新建问卷 / the chat builder
survey-button-from-file = 📄 用文件导入（YAML / CSV）
survey-button-resume-build = ✏️ 继续新建问卷（草稿已保存）
survey-build-set-aside = 好的，先停在这里，草稿已保存。要接着做，发送 /survey，点“✏️ 继续新建问卷”。
survey-button-edit = ✏️ 修改
survey-button-back-to-card = ⬅️ 返回问卷
survey-build-ask-title =
    ➕ <b>新建问卷</b>
    请发送问卷标题。中英文都写就用“中文 / English”，只写一种也可以。
survey-build-ask-kind = 第 { $number } 题是什么题型？（已有 { $count } 题）
survey-build-ask-intro = 要在第一题前面对居民说几句吗？比如为什么做这份问卷、大概要几分钟。请直接发送这段话（中英文都写就用“中文 / English”），不需要就点“跳过”。
survey-build-ask-text = 请发送第 { $number } 题（{ $kind }）的题目。中英文都写就用“中文 / English”。
survey-build-ask-options =
    请发送选项，一行一个，或用顿号隔开（至少 2 个，最多 { $limit } 个）。
    中英文都写就用“中文 / English”，例如：
    食堂 / Canteen
    健康驿站 / Health station
survey-build-ask-max = 这道多选题最多能选几项？
survey-build-ask-other = 要加一个“其他（请说明）”选项吗？
survey-build-ask-branch = 这道题每个人都问，还是只在前面某题选了某一项时才问？
survey-build-ask-branch-option = 第 { $target } 题选了哪一项时才问这道题？
survey-build-ask-required = 第 { $number } 题一定要回答吗？选“可以不答”，居民可以跳过这道题。
survey-build-ask-audience = 问卷发给谁？
survey-build-ask-audience-id = 请发送{ $which ->
        [course] 课程
       *[other] 活动
    }编号（数字，例如 3）。
survey-build-ask-anonymous = 这份问卷匿名吗？匿名问卷提交后，答案和居民身份不再有任何关联，也不能再修改。
survey-build-ask-age = 要问居民的年龄段吗？问了，结果就能按年龄段分开看。
survey-build-ask-committees =
    要按居委会分开看结果吗？请发送居民可选的居委会，每行一个（最多 { $limit } 个），例如：
    长风一村 / Changfeng No. 1
    长风二村
    不需要就点“跳过”。
survey-build-ask-buildings =
    要按楼栋分开看结果吗？请发送居民可选的楼栋，每行一个（最多 { $limit } 个），例如：
    1号楼 / Building 1
    2号楼 / Building 2
    不需要就点“跳过”。
survey-build-ask-when =
    问卷什么时候开始、什么时候结束？直接说就行，例如：
    “下周一到月底”、“明天上午10点到3月9日18点”、“到下周五”（现在就开始）。
survey-build-button-finish = ✅ 题目加完了，下一步
survey-build-button-always = 每个人都问
survey-build-button-branch-on = 看第 { $number } 题：{ $question }
survey-build-button-cancel = ✖️ 放弃
survey-build-button-skip = 跳过
survey-build-button-skip-intro = 跳过，直接加题目
survey-build-button-required = 必答
survey-build-button-optional = 可以不答
survey-build-audience-everyone = 所有居民
survey-build-audience-canteen = 关注“食堂”的居民
survey-build-audience-health = 关注“健康”的居民
survey-build-audience-nightschool = 关注“夜校”的居民
survey-build-audience-events = 关注“活动”的居民
survey-build-audience-course = 某门课程的学员
survey-build-audience-event = 某个活动的报名者
survey-build-problems = ⚠️ 这一步没有保存，请改一下再发：
survey-build-options-chinese-only = ℹ️ 这些选项只有中文，英文用户会原样看到中文。要写两种语言，请把每个选项写成“中文 / English”，例如：食堂 / Canteen。（这个提醒只说一次）
survey-build-added = 👍 第 { $number } 题已加上：{ $question }
survey-build-none = 没有正在新建的问卷。请发送 /survey 重新开始。
survey-build-cancelled = 好的，已放弃这份新问卷。
survey-build-discard-confirm = 确定放弃这份问卷吗？放弃后，已经填好的内容都不会保留。
survey-build-button-discard = ✖️ 放弃
survey-build-button-keep = ↩️ 继续编辑
survey-build-stale = 这个按钮已经过时了，请看最新的一条消息。
survey-build-no-questions = 问卷至少要有一道题。
survey-build-bad-when = 没看懂这个时间。请像这样说：“下周一到月底”、“3月2日到3月9日”、“到下周五”。
survey-build-closes-past = 结束时间已经过去了，请换一个以后的时间。
survey-build-bad-id = 请只发送编号数字，例如 3。
survey-build-one-option = 只收到一个选项。请把所有选项一次发来：一行一个，或用顿号隔开，例如：食堂、理发、太极。
survey-build-noted-committees = 👍 居委会记下了：{ $places }。
survey-build-noted-buildings = 👍 楼栋记下了：{ $places }。
survey-build-press-a-button = 这一步请点下面的按钮选择；想放弃这份问卷就点“放弃”。
survey-build-too-many = 题目已经够多了，请点“题目加完了，下一步”。

# 修改问卷 / edits
survey-edit-menu = ✏️ 修改“{ $title }”：要改什么？已经收到的回答都会保留。
survey-edit-title = 改标题
survey-edit-closes = 改结束时间
survey-edit-question-text = 改某道题的文字
survey-edit-add-option = 给选择题在最后加选项
survey-edit-add-question = 在最后加一道题
survey-edit-file = 发送改好的文件
survey-edit-pick-question = 改哪一道题？
survey-edit-ask-title = 现在的标题：{ $current }
    请发送新标题（“中文 / English”，或只写一种）。
survey-edit-ask-closes = 现在的结束时间：{ $current }
    请发送新的结束时间，例如“月底”、“下周五18点”、“3月20日”。
survey-edit-ask-question-text = 现在的题目：{ $current }
    请发送新的题目文字（“中文 / English”，或只写一种）。
survey-edit-ask-add-option = 现在的选项：{ $current }
    请发送要加在最后的选项，一行一个。
survey-edit-ask-file = 请发送改好的 YAML 或 CSV 文件。只能改文字、结束时间，在最后加选项或加题；会弄乱已有回答的改动不会保存。
survey-edit-saved = ✅ 已保存修改，已经收到的回答都还在。
survey-edit-refused = ⚠️ 这次修改没有保存：
survey-edit-refused-closed = 问卷已经结束，不能再修改。
survey-edit-refused-kind-changed = 第 { $number } 题：已经有人回答，不能改题型。可以在最后加一道新题。
survey-edit-refused-question-removed = 不能删除题目：已经有人在回答。可以改题目文字。
survey-edit-refused-option-removed = 第 { $number } 题：有人选过的选项不能删除。可以改选项文字，或在最后加选项。
survey-edit-refused-ranking-grown = 第 { $number } 题：排序题已经有人排过，不能再加减选项。
survey-edit-refused-limit-lowered = 第 { $number } 题：已经有人回答，最多能选几项只能调高，不能调低。
survey-edit-refused-branch-changed = 第 { $number } 题：跳题条件不能改，已经有人按原来的条件回答了。
survey-edit-refused-profile-changed = 基本信息题（居委会、楼号、年龄段）不能改。
survey-edit-refused-anonymity-changed = 不能改变是否匿名：居民开始填写前已经被告知了。
survey-edit-refused-audience-changed = 不能改变问卷对象：邀请已经按原来的对象发出。
survey-edit-refused-opening-changed = 问卷已经开始了，不能改开始时间。
survey-edit-refused-closes-past = 结束时间必须在现在之后。
survey-edit-refused-nothing = 没有发现任何改动。
survey-edit-refused-not-choice = 第 { $number } 题不是选择题，不能加选项。
survey-build-kind-single = 单选（选一项）
survey-build-kind-multiple = 多选（可以选几项）
survey-build-kind-rating = 打分（1 到 5 分）
survey-build-kind-ranking = 排序（最多 5 项）
survey-build-kind-text = 填空（简短文字）
survey-build-yes = 是
survey-build-no = 否
