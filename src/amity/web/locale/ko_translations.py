"""Korean translations of the web pages, kept as a table that fills locale/ko/LC_MESSAGES/django.po.

After changing strings: `django-admin makemessages -l ko` in src/amity/web, then
`python src/amity/web/locale/ko_translations.py` (fills the .po and compiles the .mo).
"""

KO = {
    "No such record: %(text)s": "해당 기록이 없습니다: %(text)s",
    "Nothing is called “%(text)s”; pick one of the suggestions.": "“%(text)s”(이)라는 항목이 없습니다. 제안 목록에서 고르세요.",
    "“%(text)s” is ambiguous; pick one of the suggestions.": "“%(text)s”에 해당하는 항목이 여럿입니다. 제안 목록에서 고르세요.",
    "Type a name and pick a suggestion.": "이름을 입력하고 제안 목록에서 고르세요.",
    "Other names": "다른 이름",
    "one a line: romanisations, native script …": "한 줄에 하나씩: 로마자 표기, 현지 문자 …",
    "Sign in": "로그인",
    "Sign in to Amity": "Amity 로그인",
    "Your user name and password did not match. Please try again.": "사용자 이름과 비밀번호가 일치하지 않습니다. 다시 시도하세요.",
    "User name": "사용자 이름",
    "Password": "비밀번호",
    "Agreement": "협정",
    "Type": "유형",
    "Status": "상태",
    "Signed": "체결일",
    "Signed in": "체결 장소",
    "Fields": "협력 분야",
    "Parties": "당사자",
    "add": "추가",
    "edit": "수정",
    "No parties recorded.": "기록된 당사자가 없습니다.",
    "Signatories": "서명자",
    "None recorded.": "기록 없음.",
    "Status history": "상태 이력",
    "Map": "지도",
    "Engagements": "교류",
    "Projects": "사업",
    "Agreements": "협정",
    "New agreement": "새 협정",
    "any": "전체",
    "Filter": "필터",
    "No agreements found.": "협정이 없습니다.",
    "Alliance": "협의체",
    "Established": "설립",
    "Dissolved": "해산",
    "Secretariat": "사무국",
    "Members": "회원",
    "Member": "회원",
    "Joined": "가입",
    "Left": "탈퇴",
    "No members recorded.": "기록된 회원이 없습니다.",
    "Projects by field": "분야별 사업",
    "lead": "주관",
    "No projects recorded.": "기록된 사업이 없습니다.",
    "Events": "행사",
    "%(n)s attendees": "%(n)s명 참석",
    "Teams": "추진단",
    "%(n)s members": "%(n)s명",
    "add member": "구성원 추가",
    "No teams recorded.": "기록된 추진단이 없습니다.",
    "Amity": "Amity",
    "Skip to content": "본문으로 건너뛰기",
    "city-to-city cooperation": "도시 간 협력",
    "Search": "검색",
    "Search names and articles…": "이름과 기사 검색…",
    "Language": "언어",
    "Change": "변경",
    "API tokens": "API 토큰",
    "Sign out": "로그아웃",
    "Main": "주 메뉴",
    "Dashboard": "대시보드",
    "Places": "지역",
    "Alliances": "협의체",
    "People": "인물",
    "Organizations": "기관",
    "Documents": "문서",
    "Review": "검토",
    "Pictures": "시각화",
    "a system of record for city-to-city cooperation": "도시 간 협력 기록 시스템",
    "confidence": "신뢰도",
    "evidence": "근거",
    "linked to": "연결 대상",
    "why": "근거 설명",
    "value": "값",
    "Accept": "승인",
    "Edit": "수정",
    "Reject": "거부",
    "Undo": "되돌리기",
    "Edit claim": "주장 수정",
    "Edit and accept": "수정 후 승인",
    "From": "부터",
    "Reason (optional)": "사유 (선택)",
    "Save and accept": "저장 후 승인",
    "Cancel": "취소",
    "This claim has been decided already.": "이미 결정된 주장입니다.",
    "Evidence": "근거",
    "partner places": "파트너 지역",
    "agreements": "협정",
    "alliances": "협의체",
    "projects": "사업",
    "engagements": "교류",
    "people": "인물",
    "documents": "문서",
    "claims waiting for review": "검토 대기 주장",
    "Recent engagements": "최근 교류",
    "all": "전체",
    "No engagements yet.": "아직 교류 기록이 없습니다.",
    "Claims waiting for review": "검토 대기 중인 주장",
    "review inbox": "검토함",
    "from": "출처",
    "Nothing waiting.": "대기 중인 항목이 없습니다.",
    "Follow-ups due": "후속 조치 기한",
    "due": "기한",
    "No open follow-ups are due.": "기한이 다가온 후속 조치가 없습니다.",
    "Partnerships gone quiet": "교류가 끊긴 자매결연",
    "Active agreements with no engagement between the partners for a year or more.":
        "1년 이상 교류가 없는 유효한 협정입니다.",
    "last engagement": "마지막 교류",
    "no engagement recorded": "교류 기록 없음",
    "Every partnership has had an engagement this year.": "모든 파트너와 올해 교류가 있었습니다.",
    "Delete": "삭제",
    "The deletion is recorded in the change log with your name. Parts of the record (parties, members, participants …) are deleted with it.":
        "삭제는 사용자 이름과 함께 변경 이력에 기록됩니다. 기록의 구성 요소(당사자, 회원, 참가자 등)도 함께 삭제됩니다.",
    "original": "원문",
    "History": "이력",
    "Article": "기사",
    "Highlighted: the sentences facts were read from.": "강조 표시: 사실을 읽어 낸 문장입니다.",
    "Claims": "주장",
    "open and decided": "미결 및 결정",
    "Accept all pending": "대기 중인 주장 모두 승인",
    "Reject all pending": "대기 중인 주장 모두 거부",
    "No claims.": "주장이 없습니다.",
    "Add a press release": "보도자료 추가",
    "Title, address or publisher": "제목, 주소 또는 발행처",
    "Document": "문서",
    "Published": "발행일",
    "Publisher": "발행처",
    "%(n)s to review": "검토 대기 %(n)s건",
    "No documents yet.": "아직 문서가 없습니다.",
    "Amity reads it and shows what it found before anything is saved. Nothing enters the registry until a reviewer accepts it.":
        "Amity가 내용을 읽고 저장하기 전에 찾은 사실을 보여 줍니다. 검토자가 승인하기 전에는 아무것도 등록되지 않습니다.",
    "Preview what Amity reads": "읽은 내용 미리 보기",
    "Save without preview": "미리 보기 없이 저장",
    "Preview": "미리 보기",
    "untitled press release": "제목 없는 보도자료",
    "Nothing is saved yet.": "아직 저장되지 않았습니다.",
    "This text is already in Amity:": "이 글은 이미 Amity에 있습니다:",
    "Save the document and its %(n)s claim for review": "문서와 검토할 주장 %(n)s건 저장",
    "Start again": "다시 시작",
    "Nothing found in this text: no places, people, meetings or agreements were recognised.":
        "이 글에서 찾은 것이 없습니다: 지역, 인물, 회의, 협정을 인식하지 못했습니다.",
    "New": "새로 만들기",
    "New %(model_name)s": "새 %(model_name)s",
    "Part of": "소속",
    "Save": "저장",
    "Engagement": "교류",
    "Date": "일자",
    "Place": "지역",
    "Venue": "장소",
    "Attendance": "참석자 수",
    "Topics": "주제",
    "Outcome": "성과",
    "Notes": "메모",
    "Participants": "참가자",
    "New engagement": "새 교류",
    "Year": "연도",
    "Where": "장소",
    "No engagements found.": "교류가 없습니다.",
    "Follow-up actions": "후속 조치",
    "None.": "없음.",
    "Record": "기록",
    "When": "일시",
    "Who": "사용자",
    "What": "내용",
    "Changes": "변경 사항",
    "No changes recorded.": "기록된 변경이 없습니다.",
    "Merge candidates": "병합 후보",
    "Records that may be the same. Merging keeps one, moves everything that pointed at the other onto it and keeps its names as aliases; it can be undone.":
        "같은 대상일 수 있는 기록입니다. 병합하면 하나를 남기고 다른 기록을 가리키던 모든 것을 옮기며 그 이름을 별칭으로 보존합니다. 되돌릴 수 있습니다.",
    "candidate": "후보",
    "score": "점수",
    "Why": "이유",
    "Merge, keep left": "병합 (왼쪽 유지)",
    "Merge, keep right": "병합 (오른쪽 유지)",
    "Different records": "서로 다른 기록",
    "No merge candidates.": "병합 후보가 없습니다.",
    "Organization": "기관",
    "Kind": "종류",
    "Country": "국가",
    "Website": "웹사이트",
    "Units": "하위 조직",
    "Pages": "페이지",
    "previous": "이전",
    "page %(n)s of %(total)s": "%(total)s쪽 중 %(n)s쪽",
    "next": "다음",
    "Positions over time": "직위 이력",
    "Title": "직함",
    "Of": "소속",
    "To": "까지",
    "to": "~",
    "No positions recorded.": "기록된 직위가 없습니다.",
    "Person": "인물",
    "Family name": "성",
    "Given name": "이름",
    "Nationality": "국적",
    "Agreements signed": "서명한 협정",
    "Pictures of the registry": "등록 정보 시각화",
    "World map of partnerships": "파트너십 세계 지도",
    "Countries and cities that are party to an agreement. Click a city to open it.":
        "협정 당사자인 국가와 도시입니다. 도시를 누르면 해당 페이지가 열립니다.",
    "Partnership network": "파트너십 네트워크",
    "Country (ISO)": "국가 (ISO)",
    "agreement": "협정",
    "alliance membership (dashed)": "협의체 회원 (점선)",
    "Korean place": "국내 지역",
    "No agreements or alliances recorded yet.": "아직 협정이나 협의체 기록이 없습니다.",
    "Engagements by year": "연도별 교류",
    "No data yet.": "아직 자료가 없습니다.",
    "Agreements by year": "연도별 협정",
    "Engagements by field": "분야별 교류",
    "Agreements by field": "분야별 협정",
    "Partners": "파트너",
    "Partner": "파트너",
    "No agreements recorded.": "기록된 협정이 없습니다.",
    "Map of partners": "파트너 지도",
    "Dark: this place's country. Blue: partner countries. Lines lead to partner cities.":
        "진한 색: 이 지역의 국가. 파란색: 파트너 국가. 선은 파트너 도시로 이어집니다.",
    "Timeline of engagements": "교류 연표",
    "No engagements recorded.": "기록된 교류가 없습니다.",
    "About": "개요",
    "Population": "인구",
    "Coordinates": "좌표",
    "joined": "가입",
    "No alliance memberships.": "가입한 협의체가 없습니다.",
    "People who held posts here": "이곳의 직위를 맡은 인물",
    "Source documents": "출처 문서",
    "No documents mention this place.": "이 지역을 언급한 문서가 없습니다.",
    "New place": "새 지역",
    "Name": "이름",
    "All places matching the name, including reference places.": "참조 지역을 포함해 이름이 일치하는 모든 지역입니다.",
    "Places the registry uses. Type a name to find any place.": "등록 정보에서 쓰이는 지역입니다. 이름을 입력하면 모든 지역을 찾습니다.",
    "No places found.": "지역이 없습니다.",
    "Project": "사업",
    "Field": "분야",
    "Start": "시작",
    "End": "종료",
    "Lead and partners": "주관 및 참여 기관",
    "Role": "역할",
    "Budget": "예산",
    "Milestones": "주요 단계",
    "New project": "새 사업",
    "Alliance / agreement": "협의체 / 협정",
    "No projects found.": "사업이 없습니다.",
    "Review inbox": "검토함",
    "Merge candidates (%(n)s)": "병합 후보 (%(n)s)",
    "Slot": "항목",
    "Confidence from": "신뢰도 최소",
    "Published from": "발행일 시작",
    "select all": "모두 선택",
    "Claim": "주장",
    "Confidence": "신뢰도",
    "Nothing waiting for review.": "검토 대기 중인 항목이 없습니다.",
    "Accept selected": "선택 항목 승인",
    "Reject selected": "선택 항목 거부",
    "Names and article text": "이름 및 기사 본문",
    "%(n)s result": "결과 %(n)s건",
    "Nothing found.": "찾은 결과가 없습니다.",
    "A token lets a script use the API as you, with your role. Send it as “Authorization: Bearer <key>”.":
        "토큰을 쓰면 스크립트가 내 권한으로 API를 사용할 수 있습니다. “Authorization: Bearer <key>” 형식으로 보내세요.",
    "Your new key": "새 키",
    "Copy it now: it is shown only once and cannot be recovered.": "지금 복사하세요. 한 번만 표시되며 다시 볼 수 없습니다.",
    "Your tokens": "내 토큰",
    "Key starts": "키 앞부분",
    "Created": "생성일",
    "Last used": "마지막 사용",
    "read only": "읽기 전용",
    "revoked": "폐기됨",
    "Revoke": "폐기",
    "You have no tokens.": "토큰이 없습니다.",
    "New token": "새 토큰",
    "Create token": "토큰 만들기",
    "evidence: %(quote)s": "근거: %(quote)s",
    "Text of the press release": "보도자료 본문",
    "Paste the article (plain text or HTML), or upload a file below.": "기사(텍스트 또는 HTML)를 붙여 넣거나 아래에서 파일을 올리세요.",
    "or upload a file": "또는 파일 올리기",
    "text, HTML or PDF, up to 5 MB": "텍스트, HTML 또는 PDF, 최대 5MB",
    "Address (URL)": "주소 (URL)",
    "YYYY-MM-DD; relative dates (“on Friday”) are read from it": "YYYY-MM-DD. 상대적인 날짜(“금요일에”)는 이 날짜를 기준으로 읽습니다",
    "The file cannot be read: %(why)s": "파일을 읽을 수 없습니다: %(why)s",
    "Paste the text of a press release or upload a file.": "보도자료 본문을 붙여 넣거나 파일을 올리세요.",
    "The text is too long (over %(n)s characters).": "글이 너무 깁니다 (%(n)s자 초과).",
    "Saved with %(n)s claims to review.": "저장했습니다. 검토할 주장 %(n)s건.",
    "This text was already in Amity: here it is.": "이미 Amity에 있는 글입니다.",
    "this record is outside your editing scope": "편집 권한 범위 밖의 기록입니다",
    "Saved: %(record)s": "저장했습니다: %(record)s",
    "the change would move this record outside your editing scope": "이 변경으로 기록이 편집 권한 범위를 벗어납니다",
    "Cannot delete %(record)s: still used by %(others)s.": "%(record)s을(를) 삭제할 수 없습니다: %(others)s에서 사용 중입니다.",
    "Deleted: %(record)s": "삭제했습니다: %(record)s",
    "Places with agreements": "협정 체결 지역",
    "Partners of %(place)s": "%(place)s의 파트너",
    "Engagements of %(place)s": "%(place)s의 교류",
    "No field": "분야 없음",
    "Projects by status": "상태별 사업",
    "Events of %(name)s": "%(name)s의 행사",
    "Positions of %(name)s": "%(name)s의 직위",
    "There is no decision to undo.": "되돌릴 결정이 없습니다.",
    "%(key)s: not a number": "%(key)s: 숫자가 아닙니다",
    "%(key)s: not valid JSON (%(why)s)": "%(key)s: 올바른 JSON이 아닙니다 (%(why)s)",
    "Accepted: %(claim)s": "승인했습니다: %(claim)s",
    "Accepted": "승인",
    "Rejected": "거부",
    "%(verb)s %(n)s claims.": "주장 %(n)s건 %(verb)s 완료.",
    "Kept apart.": "별개의 기록으로 두었습니다.",
    "one of the two records no longer exists": "두 기록 중 하나가 더 이상 없습니다",
    "Merged into %(record)s.": "%(record)s(으)로 병합했습니다.",
    "what the token is for, e.g. “yearly report script”": "토큰의 용도, 예: “연간 보고서 스크립트”",
    "Read only": "읽기 전용",
    "Token “%(name)s” revoked.": "토큰 “%(name)s”을(를) 폐기했습니다.",
}
PLURALS = {
    "Save the document and its %(n)s claim for review": "문서와 검토할 주장 %(n)s건 저장",
    "%(n)s result": "결과 %(n)s건",
}


def _unquote(line: str) -> str:
    import ast

    return ast.literal_eval(line)


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def fill(po_path) -> tuple[int, list[str]]:
    """Write the translations into the .po file; returns (translated, missing msgids)."""
    lines = po_path.read_text("utf-8").splitlines()
    out, i, done, missing = [], 0, 0, []
    while i < len(lines):
        line = lines[i]
        if line.startswith("msgid "):
            msgid_lines = [line]
            i += 1
            while i < len(lines) and lines[i].startswith('"'):
                msgid_lines.append(lines[i])
                i += 1
            msgid = "".join(_unquote(part.split(" ", 1)[1] if part.startswith("msgid ") else part)
                            for part in msgid_lines)
            out.extend(msgid_lines)
            plural = []
            if i < len(lines) and lines[i].startswith("msgid_plural "):
                plural = [lines[i]]
                i += 1
                while i < len(lines) and lines[i].startswith('"'):
                    plural.append(lines[i])
                    i += 1
                out.extend(plural)
            # skip the existing msgstr lines
            while i < len(lines) and (lines[i].startswith("msgstr") or lines[i].startswith('"')):
                i += 1
            if msgid == "":
                out.append('msgstr ""')
                out.extend(_header())
                continue
            translation = (PLURALS if plural else KO).get(msgid) or KO.get(msgid)
            if translation is None:
                missing.append(msgid)
                translation = ""
            else:
                done += 1
            out.append(f"msgstr[0] {_quote(translation)}" if plural else f"msgstr {_quote(translation)}")
            continue
        if line.startswith("#, fuzzy"):
            i += 1
            continue
        out.append(line)
        i += 1
    po_path.write_text("\n".join(out) + "\n", "utf-8")
    return done, missing


def _header() -> list[str]:
    return ['"Project-Id-Version: amity\\n"', '"Language: ko\\n"', '"MIME-Version: 1.0\\n"',
            '"Content-Type: text/plain; charset=UTF-8\\n"', '"Content-Transfer-Encoding: 8bit\\n"',
            '"Plural-Forms: nplurals=1; plural=0;\\n"']


if __name__ == "__main__":
    import subprocess
    from pathlib import Path

    po = Path(__file__).parent / "ko" / "LC_MESSAGES" / "django.po"
    translated, untranslated = fill(po)
    print(f"{translated} translated; missing: {untranslated}")
    subprocess.run(["msgfmt", "--check", "-o", str(po.with_suffix(".mo")), str(po)], check=True)
