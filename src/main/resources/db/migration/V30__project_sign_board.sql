-- 项目公示牌 (issue 20 §6): what the sign board on site and the project's public page show beyond the
-- figures the project already keeps. All optional: a project made before has none until entered.
-- Everything here is public: no personal number may be entered (checked in Project).
alter table project
    add column scale_content     varchar(1000),
    add column builder_name      varchar(200),
    add column supervision_unit  varchar(200),
    add column supervision_phone varchar(32);
