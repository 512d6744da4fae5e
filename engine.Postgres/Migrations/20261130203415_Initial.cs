using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace EmploymentProcedures.Engine.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Applications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProcedureId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "C"),
                    DefinitionVersion = table.Column<int>(type: "integer", nullable: false),
                    DefinitionHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    OwnerId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "C"),
                    ApplicantName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false, collation: "C"),
                    Language = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false, defaultValue: "fr", collation: "C"),
                    Status = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false, collation: "C"),
                    Step = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true, collation: "C"),
                    Reference = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true, collation: "C"),
                    Province = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true, collation: "C"),
                    Answers = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Documents = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    StepFields = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Opinions = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Reopened = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    AnswersBeforeChanges = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    Pauses = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    SubmittedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    StepStartedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    DecidedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    ClosedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ErasedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ErasedBecause = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Applications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Audit",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "bigint", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "uuid", nullable: true),
                    ActorId = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    ActorName = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    ActorRole = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false, collation: "C"),
                    Step = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    Action = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    FromStatus = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    ToStatus = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    Comment = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    Detail = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    Format = table.Column<int>(type: "integer", nullable: false, defaultValue: 1),
                    Salt = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true, collation: "C"),
                    ActorNameDigest = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true, collation: "C"),
                    CommentDigest = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true, collation: "C"),
                    DetailDigest = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true, collation: "C"),
                    RedactedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    PreviousHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    Hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Audit", x => x.Sequence);
                });

            migrationBuilder.CreateTable(
                name: "AuditHead",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    Sequence = table.Column<long>(type: "bigint", nullable: false),
                    Hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditHead", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Definitions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProcedureId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "C"),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    ContentHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    Yaml = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    PublishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Definitions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DesignerDrafts",
                columns: table => new
                {
                    ProcedureId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "C"),
                    Yaml = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    BasedOnVersion = table.Column<int>(type: "integer", nullable: true),
                    CreatedBy = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false, collation: "C"),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false, collation: "C"),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    AuditedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DesignerDrafts", x => x.ProcedureId);
                });

            migrationBuilder.CreateTable(
                name: "MonthlyFigures",
                columns: table => new
                {
                    Month = table.Column<DateOnly>(type: "date", nullable: false),
                    ProcedureId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "C"),
                    Province = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "C"),
                    Submitted = table.Column<int>(type: "integer", nullable: false),
                    Decided = table.Column<int>(type: "integer", nullable: false),
                    Approved = table.Column<int>(type: "integer", nullable: false),
                    Rejected = table.Column<int>(type: "integer", nullable: false),
                    Withdrawn = table.Column<int>(type: "integer", nullable: false),
                    DecidedWithDeadline = table.Column<int>(type: "integer", nullable: false),
                    DecidedInTime = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MonthlyFigures", x => new { x.Province, x.Month, x.ProcedureId });
                });

            migrationBuilder.CreateTable(
                name: "NotificationsSeen",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "character varying(110)", maxLength: 110, nullable: false, collation: "C"),
                    SeenUpTo = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NotificationsSeen", x => x.UserId);
                });

            migrationBuilder.CreateTable(
                name: "ProcessingTimes",
                columns: table => new
                {
                    Month = table.Column<DateOnly>(type: "date", nullable: false),
                    ProcedureId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "C"),
                    Province = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "C"),
                    Calendar = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Days = table.Column<int>(type: "integer", nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProcessingTimes", x => new { x.Province, x.Month, x.ProcedureId, x.Calendar, x.Days });
                });

            migrationBuilder.CreateTable(
                name: "ReferenceCounters",
                columns: table => new
                {
                    Prefix = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "C"),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Last = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReferenceCounters", x => new { x.Prefix, x.Year });
                });

            migrationBuilder.CreateTable(
                name: "Documents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ApplicationId = table.Column<Guid>(type: "uuid", nullable: false),
                    DocumentId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "C"),
                    FileName = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false, collation: "C"),
                    Hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    SizeBytes = table.Column<long>(type: "bigint", nullable: false),
                    Format = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false, collation: "C"),
                    UploadedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "C"),
                    UploadedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Documents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Documents_Applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "Applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Letters",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ApplicationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false, collation: "C"),
                    Template = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "C"),
                    Language = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false, collation: "C"),
                    FileName = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false, collation: "C"),
                    Hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    SizeBytes = table.Column<long>(type: "bigint", nullable: false),
                    AuditSequence = table.Column<long>(type: "bigint", nullable: false),
                    IssuedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", nullable: true),
                    VerificationCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true, collation: "C"),
                    ErasedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Letters", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Letters_Applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "Applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Messages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "uuid", nullable: false),
                    AuthorId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "C"),
                    AuthorName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false, collation: "C"),
                    AuthorRole = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "C"),
                    FromApplicant = table.Column<bool>(type: "boolean", nullable: false),
                    AuditSequence = table.Column<long>(type: "bigint", nullable: false),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false, collation: "C"),
                    PostedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Messages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Messages_Applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "Applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Notifications",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ApplicationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Recipient = table.Column<string>(type: "character varying(110)", maxLength: 110, nullable: false, collation: "C"),
                    Territory = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "C"),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false, collation: "C"),
                    Step = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    Status = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false, collation: "C"),
                    Comment = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SentAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    NextAttemptAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastError = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true, collation: "C"),
                    SetAsideAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ClaimedBy = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true, collation: "C"),
                    ClaimedUntil = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Notifications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Notifications_Applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "Applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PendingWork",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ApplicationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Role = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "C"),
                    Territory = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "C"),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ProcedureId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "C"),
                    Step = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "C"),
                    Reference = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true, collation: "C"),
                    ApplicantName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false, collation: "C"),
                    SubmittedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Status = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false, defaultValue: "in_review", collation: "C"),
                    Province = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, defaultValue: "", collation: "C"),
                    Search = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false, defaultValue: "", collation: "C"),
                    ClaimedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true, collation: "C"),
                    ClaimedByName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true, collation: "C"),
                    ClaimedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PendingWork", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PendingWork_Applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "Applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MessageAttachments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MessageId = table.Column<Guid>(type: "uuid", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "uuid", nullable: false),
                    FileName = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false, collation: "C"),
                    Hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    SizeBytes = table.Column<long>(type: "bigint", nullable: false),
                    Format = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MessageAttachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MessageAttachments_Messages_MessageId",
                        column: x => x.MessageId,
                        principalTable: "Messages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "NotificationDeliveries",
                columns: table => new
                {
                    NotificationId = table.Column<long>(type: "bigint", nullable: false),
                    AccountId = table.Column<string>(type: "character varying(110)", maxLength: 110, nullable: false, collation: "C"),
                    AcceptedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NotificationDeliveries", x => new { x.NotificationId, x.AccountId });
                    table.ForeignKey(
                        name: "FK_NotificationDeliveries_Notifications_NotificationId",
                        column: x => x.NotificationId,
                        principalTable: "Notifications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "AuditHead",
                columns: new[] { "Id", "Hash", "Sequence" },
                values: new object[] { 1, "0000000000000000000000000000000000000000000000000000000000000000", 0L });

            migrationBuilder.CreateIndex(
                name: "IX_Applications_ErasedAt_ProcedureId_DefinitionVersion_ClosedAt",
                table: "Applications",
                columns: new[] { "ErasedAt", "ProcedureId", "DefinitionVersion", "ClosedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Applications_OwnerId_UpdatedAt",
                table: "Applications",
                columns: new[] { "OwnerId", "UpdatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Applications_ProcedureId_UpdatedAt_Id",
                table: "Applications",
                columns: new[] { "ProcedureId", "UpdatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Applications_Reference",
                table: "Applications",
                column: "Reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Applications_Status_DueOn",
                table: "Applications",
                columns: new[] { "Status", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Applications_Status_Province_ProcedureId_Step_DueOn",
                table: "Applications",
                columns: new[] { "Status", "Province", "ProcedureId", "Step", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Audit_ApplicationId_Sequence",
                table: "Audit",
                columns: new[] { "ApplicationId", "Sequence" });

            migrationBuilder.CreateIndex(
                name: "IX_Definitions_ProcedureId_Version",
                table: "Definitions",
                columns: new[] { "ProcedureId", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Documents_ApplicationId_DocumentId",
                table: "Documents",
                columns: new[] { "ApplicationId", "DocumentId" });

            migrationBuilder.CreateIndex(
                name: "IX_Documents_Hash",
                table: "Documents",
                column: "Hash");

            migrationBuilder.CreateIndex(
                name: "IX_Letters_ApplicationId_AuditSequence",
                table: "Letters",
                columns: new[] { "ApplicationId", "AuditSequence" });

            migrationBuilder.CreateIndex(
                name: "IX_Letters_Hash",
                table: "Letters",
                column: "Hash");

            migrationBuilder.CreateIndex(
                name: "IX_Letters_VerificationCode",
                table: "Letters",
                column: "VerificationCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MessageAttachments_ApplicationId",
                table: "MessageAttachments",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_MessageAttachments_Hash",
                table: "MessageAttachments",
                column: "Hash");

            migrationBuilder.CreateIndex(
                name: "IX_MessageAttachments_MessageId",
                table: "MessageAttachments",
                column: "MessageId");

            migrationBuilder.CreateIndex(
                name: "IX_Messages_ApplicationId_AuditSequence",
                table: "Messages",
                columns: new[] { "ApplicationId", "AuditSequence" });

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_ApplicationId_Kind",
                table: "Notifications",
                columns: new[] { "ApplicationId", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_Recipient_Territory_Id",
                table: "Notifications",
                columns: new[] { "Recipient", "Territory", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_SentAt_Id",
                table: "Notifications",
                columns: new[] { "SentAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_SetAsideAt",
                table: "Notifications",
                column: "SetAsideAt");

            migrationBuilder.CreateIndex(
                name: "IX_PendingWork_ApplicationId",
                table: "PendingWork",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_PendingWork_Role_Territory_DueOn",
                table: "PendingWork",
                columns: new[] { "Role", "Territory", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_PendingWork_Role_Territory_ProcedureId_Step_Status_Province~",
                table: "PendingWork",
                columns: new[] { "Role", "Territory", "ProcedureId", "Step", "Status", "Province", "ClaimedBy", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_PendingWork_Role_Territory_SubmittedOn",
                table: "PendingWork",
                columns: new[] { "Role", "Territory", "SubmittedOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Audit");

            migrationBuilder.DropTable(
                name: "AuditHead");

            migrationBuilder.DropTable(
                name: "Definitions");

            migrationBuilder.DropTable(
                name: "DesignerDrafts");

            migrationBuilder.DropTable(
                name: "Documents");

            migrationBuilder.DropTable(
                name: "Letters");

            migrationBuilder.DropTable(
                name: "MessageAttachments");

            migrationBuilder.DropTable(
                name: "MonthlyFigures");

            migrationBuilder.DropTable(
                name: "NotificationDeliveries");

            migrationBuilder.DropTable(
                name: "NotificationsSeen");

            migrationBuilder.DropTable(
                name: "PendingWork");

            migrationBuilder.DropTable(
                name: "ProcessingTimes");

            migrationBuilder.DropTable(
                name: "ReferenceCounters");

            migrationBuilder.DropTable(
                name: "Messages");

            migrationBuilder.DropTable(
                name: "Notifications");

            migrationBuilder.DropTable(
                name: "Applications");
        }
    }
}
