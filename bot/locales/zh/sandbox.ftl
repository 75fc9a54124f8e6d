# 沙盒（离线试用）：示例课程表。只有 python3 dev.py sandbox 会放进数据库，真实的机器人从不使用。

sandbox-class-note = （沙盒示例：课程、时间和老师都是演示用的，不是中心的真实安排。）
sandbox-event-note = （沙盒示例：活动和时间都是演示用的，不是中心的真实安排。）
sandbox-samples-coming = 🧪 示例课程表：您发出第一条消息时，沙盒会按它的时钟排好几门课程和几场活动，方便试试报名。不想要的话，先输入“:samples off”。
sandbox-samples-laid = 🧪 已排好示例课程表（仅在沙盒里）：{ $courses ->
        [0] { $events } 场活动
       *[other] { $events ->
            [0] { $courses } 门课程
           *[other] { $courses } 门课程、{ $events } 场活动
        }
    }，日期在接下来几天。发送 /classes 或 /events 试试报名。
sandbox-samples-kept = 🧪 示例课程表已经在这个数据库里，没有重复添加。发送 /classes 或 /events 看看。
sandbox-samples-off = 🧪 好的，这次不放示例课程表。
sandbox-samples-stay-off = 🧪 这个数据库第一次打开时输入过“:samples off”，这次也不放示例课程表。
sandbox-samples-too-late = 🧪 示例课程表已经排好了，现在不能再去掉。想从空的开始，请重新打开沙盒，先输入“:samples off”。

sandbox-sample-taichi-title = 太极拳
sandbox-sample-taichi-teacher = 陈老师
sandbox-sample-taichi-description = 二十四式简化太极拳，从站桩和呼吸学起，每周二、周四早上各一次，适合中老年朋友。请穿宽松的衣服和平底鞋。{ sandbox-class-note }

sandbox-sample-calligraphy-title = 书法（楷书）
sandbox-sample-calligraphy-teacher = 周老师
sandbox-sample-calligraphy-description = 从握笔和“永字八法”学起，临写颜体楷书。笔墨纸砚由活动室提供，零基础也可以来。{ sandbox-class-note }

sandbox-sample-smartphone-title = 长者智能手机课
sandbox-sample-smartphone-teacher = 志愿者小林
sandbox-sample-smartphone-description = 手把手教您用微信视频通话、在“随申办”上预约挂号、扫码付款，也讲讲怎样识别电信诈骗。请带上自己的手机。{ sandbox-class-note }

sandbox-sample-photography-title = 摄影入门
sandbox-sample-photography-teacher = 吴老师
sandbox-sample-photography-description = 下班后的公益夜校：用相机或手机学曝光、构图和用光，最后一课到苏州河边外拍。有相机请带上，没有用手机也行。{ sandbox-class-note }

sandbox-sample-papercut-title = 民俗活动：学剪纸
sandbox-sample-papercut-description = 跟社区的阿姨们学剪纸：团花、生肖和双喜。红纸和剪刀由中心准备，剪好的作品可以带回家贴在窗上。{ sandbox-event-note }

sandbox-sample-legal-aid-title = 法律援助开放日
sandbox-sample-legal-aid-description = 志愿律师现场免费咨询：婚姻家庭、房屋租赁、劳动纠纷、遗嘱继承，每人约20分钟。请带上相关材料。{ sandbox-event-note }
